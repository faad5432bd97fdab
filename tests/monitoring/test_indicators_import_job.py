"""A big file of indicator values is imported by a worker, on a page with a progress bar."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.imports import import_job_run
from accounts.models import ImportJob
from monitoring.models import IndicatorValue
from monitoring.services.indicator_import import indicator_import_start, indicator_import_work
from tests.monitoring.factories import WIDE_ROW
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db


def test_a_big_file_of_values_is_a_workers_job(
    period, methodologist, login, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_ROWS = 2
    for n in (7, 8, 9):
        SchoolFactory(short_name=f"МАОУ СОШ № {n}")
    client = login(methodologist)
    rows = [[f"МАОУ СОШ № {n}", str(n)] for n in (7, 8, 9)]
    data = xlsx_bytes(["Школа", "olympiad_school_math"], rows)
    client.post(
        reverse("monitoring:import"),
        {"file": SimpleUploadedFile("свод.xlsx", data), "period": period.pk},
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("monitoring:import_confirm"))

    job = ImportJob.objects.get()
    assert response.url == reverse("accounts:import_job", args=[job.pk])
    assert (job.state, job.params) == (ImportJob.State.DONE, {"period": period.pk})
    assert job.result == {"created": 3, "updated": 0, "unchanged": 0}
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [7, 8, 9]
    summary = client.get(reverse("accounts:import_job_status", args=[job.pk])).json()
    assert summary["percent"] == 100
    assert summary["message"] == "Импортировано: новых — 3, изменено — 0, без изменений — 0."
    page = client.get(response.url).content.decode()
    assert reverse("monitoring:import") in page


def test_a_job_tells_its_progress_while_it_checks_and_while_it_writes(period, methodologist):
    schools = SchoolFactory.create_batch(130)  # 1,040 values: more than a batch of writes
    data = xlsx_bytes(["Школа", *WIDE_ROW], [[s.short_name, *WIDE_ROW.values()] for s in schools])
    job = indicator_import_start(
        data=data,
        filename="свод.xlsx",
        period=period,
        by=methodologist,
        rows=len(schools),
        return_url="",
    )
    seen = []

    def work(job, progress):  # the worker's own work, its progress heard on the way
        def heard(done, total):
            seen.append((done, total))
            progress(done, total)

        return indicator_import_work(job, heard)

    import_job_run(job_id=job.pk, work=work)

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (ImportJob.State.DONE, 260, 260)
    assert IndicatorValue.objects.count() == 1040
    assert {total for _done, total in seen} == {260}
    done = [d for d, _total in seen]
    assert done == sorted(done) and done[-1] == 260
    assert any(0 < d < 130 for d in done), done  # rows checked, now and then
    assert any(130 < d < 260 for d in done), done  # values written, a batch at a time
    assert len(done) <= 40  # now and then, not at every row
