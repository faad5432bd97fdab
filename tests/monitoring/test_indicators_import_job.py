"""A big file of indicator values is imported by a worker, on a page with a progress bar."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import ImportJob
from monitoring.models import IndicatorValue
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
