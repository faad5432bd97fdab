"""Long imports' jobs: how a job ends, and its progress seen while the import runs."""

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction

from accounts.imports import ProgressWriter, import_job_run, progress_rows
from accounts.models import ImportJob, ImportRecord
from core.errors import DomainError


@pytest.fixture
def job(methodologist):
    return ImportJob.objects.create(
        kind=ImportRecord.Kind.TEACHERS,
        file_name="педагоги.xlsx",
        data=b"PK file",
        started_by=methodologist,
        total=10,
    )


def test_a_job_done_keeps_its_counts_and_drops_its_file(job):
    def work(job, progress):
        progress(10, 10)
        return {"created": 4, "updated": 1, "unchanged": 5}

    import_job_run(job_id=job.pk, work=work)

    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.percent) == ("done", 10, 10, 100)
    assert job.result == {"created": 4, "updated": 1, "unchanged": 5}
    assert bytes(job.data) == b"" and job.finished_at is not None
    # A message delivered twice does nothing to a finished job.
    assert import_job_run(job_id=job.pk, work=lambda *a: 1 / 0).state == "done"


def test_a_refused_file_fails_the_job_with_its_reason(job):
    def work(job, progress):
        raise DomainError("В файле есть ошибки; ничего не импортировано.")

    import_job_run(job_id=job.pk, work=work)

    job.refresh_from_db()
    assert (job.state, job.error) == ("failed", "В файле есть ошибки; ничего не импортировано.")
    assert job.finished and job.percent == 0


def test_an_unexpected_error_fails_the_job_with_a_russian_message(job):
    import_job_run(job_id=job.pk, work=lambda job, progress: 1 / 0)

    job.refresh_from_db()
    assert job.state == "failed"
    assert job.error == "Импорт не удался; ничего не импортировано. Попробуйте позже."


def test_a_lost_database_puts_the_job_back_in_the_queue(job):
    def work(job, progress):
        raise OperationalError("server closed the connection unexpectedly")

    with pytest.raises(OperationalError):  # the outbox hands it out again
        import_job_run(job_id=job.pk, work=work)

    job.refresh_from_db()
    assert job.state == "queued"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second connection: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_progress_is_seen_by_others_while_the_import_writes(job):
    progress = ProgressWriter(job.pk)
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with transaction.atomic():  # as the import: every row or none
            progress(6, 10)
            with other.cursor() as cursor:
                cursor.execute("SELECT done FROM accounts_importjob WHERE id = %s", [job.pk])
                assert cursor.fetchone() == (6,)
    finally:
        progress.close()
        other.close()


def test_rows_are_told_now_and_then_and_at_the_last():
    told = []

    rows = list(progress_rows(list(range(1000)), lambda done, total: told.append((done, total))))

    assert rows == list(range(1000))
    assert told == [(n, 1000) for n in range(50, 1001, 50)]  # twenty times, the last too
    assert list(progress_rows([1, 2], None)) == [1, 2]
