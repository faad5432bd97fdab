"""A big teachers file is imported by a worker; its page shows the progress, then the result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import ImportJob, ImportRecord
from accounts.roles import Role
from outbox.models import OutboxItem
from outbox.services import sweep
from schools.models import Subject, Teacher
from tests.accounts.factories import UserFactory
from tests.schools.factories import SchoolFactory, SubjectFactory
from tests.schools.office_files import OFFICE_TEACHER_HEADERS, office_teacher, office_xlsx

ROWS = 12


@pytest.fixture(autouse=True)
def background(settings):
    settings.IMPORT_BACKGROUND_ROWS = ROWS - 2


@pytest.fixture
def client(login, methodologist):
    return login(methodologist)


@pytest.fixture
def checked(client, db):
    """A big file checked and clean, waiting for the confirmation."""
    SubjectFactory(name="Математика")
    SchoolFactory(short_name="МАОУ СОШ № 1")
    rows = [office_teacher(n) for n in range(ROWS)]
    response = client.post(
        reverse("schools:import", args=["teachers"]),
        {"file": SimpleUploadedFile("педагоги.xlsx", office_xlsx(OFFICE_TEACHER_HEADERS, rows))},
    )
    assert response.context["plan"].problems == []
    return client


def confirm(client):
    return client.post(reverse("schools:import_confirm", args=["teachers"]))


def status(client, job):
    return client.get(reverse("accounts:import_job_status", args=[job.pk]))


def test_a_big_file_is_imported_by_a_worker_with_its_progress(
    checked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(checked)

    job = ImportJob.objects.get()
    assert response.url == reverse("accounts:import_job", args=[job.pk])
    assert (job.state, job.done, job.total) == (ImportJob.State.DONE, 2 * ROWS, 2 * ROWS)
    assert job.result == {"created": ROWS, "updated": 0, "unchanged": 0}
    assert job.record == ImportRecord.objects.get(kind=ImportRecord.Kind.TEACHERS)
    assert job.data == b""  # the file is not kept once the import is over
    assert Teacher.objects.count() == Teacher.history.count() == ROWS
    assert status(checked, job).json() == {
        "state": "done",
        "state_label": "Импортирован",
        "finished": True,
        "done": 2 * ROWS,
        "total": 2 * ROWS,
        "percent": 100,
        "message": f"Импортировано: новых — {ROWS}, изменено — 0, без изменений — 0.",
    }
    page = checked.get(response.url).content.decode()
    assert "Импортирован" in page and 'data-percent="100"' in page
    assert reverse("schools:import", args=["teachers"]) in page


def test_an_import_waiting_for_the_broker_keeps_its_file_and_runs_later(
    checked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the broker never heard of it
        confirm(checked)

    job = ImportJob.objects.get()
    assert status(checked, job).json()["message"] == (
        "Импорт ждёт своей очереди; он начнётся сам, файл сохранён."
    )
    assert OutboxItem.objects.get().state == OutboxItem.State.PENDING
    assert Teacher.objects.count() == 0

    sweep()  # the broker is back: the sweeper hands the job out

    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    assert Teacher.objects.count() == ROWS


def test_a_file_refused_by_the_worker_says_why_and_imports_nothing(
    checked, django_capture_on_commit_callbacks
):
    Subject.objects.all().delete()  # since the preview, the file's subject is gone

    with django_capture_on_commit_callbacks(execute=True):
        confirm(checked)

    job = ImportJob.objects.get()
    summary = status(checked, job).json()
    assert (summary["state"], summary["finished"]) == ("failed", True)
    assert summary["message"] == "В файле есть ошибки; ничего не импортировано."
    assert Teacher.objects.count() == 0
    assert ImportRecord.objects.get().errors == ROWS


def test_a_file_of_the_limit_is_imported_at_once(client, db, settings):
    SchoolFactory(short_name="МАОУ СОШ № 1")
    SubjectFactory(name="Математика")
    rows = [office_teacher(n) for n in range(settings.IMPORT_BACKGROUND_ROWS)]
    data = office_xlsx(OFFICE_TEACHER_HEADERS, rows)
    client.post(
        reverse("schools:import", args=["teachers"]),
        {"file": SimpleUploadedFile("педагоги.xlsx", data)},
    )

    response = confirm(client)

    assert response.url == reverse("schools:import", args=["teachers"])
    assert not ImportJob.objects.exists()
    assert Teacher.objects.count() == settings.IMPORT_BACKGROUND_ROWS


def test_someone_elses_import_is_unknown_to_the_user(
    checked, login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        confirm(checked)
    job = ImportJob.objects.get()
    other = login(UserFactory(username="metodist2", role=Role.METHODOLOGIST))
    anonymous = login(None)

    for name in ("accounts:import_job", "accounts:import_job_status"):
        url = reverse(name, args=[job.pk])
        assert other.get(url).status_code == 404
        assert anonymous.get(url).status_code == 302
        assert checked.post(url).status_code == 405
