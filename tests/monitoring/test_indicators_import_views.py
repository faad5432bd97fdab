"""The import pages: upload, preview with every bad cell, confirm; and the export."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from monitoring.models import IndicatorValue
from tests.monitoring.factories import ValueFactory
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import csv_bytes, read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return SchoolFactory(short_name="МАОУ СОШ № 7")


def upload(client, data, name, period=None):
    payload = {"file": SimpleUploadedFile(name, data)}
    if period is not None:
        payload["period"] = period.pk
    return client.post(reverse("monitoring:import"), payload)


def test_preview_then_confirm_imports_a_cp1251_csv(school, period, methodologist, login):
    client = login(methodologist)
    data = csv_bytes(["Школа", "olympiad_school_math"], [["МАОУ СОШ № 7", "12"]])
    preview = upload(client, data, "свод.csv", period).content.decode()
    assert "Файл без ошибок: 1 новых, 0 изменится, 0 без изменений." in preview
    assert not IndicatorValue.objects.exists()
    response = client.post(reverse("monitoring:import_confirm"), follow=True)
    assert "Импортировано: новых 1" in response.content.decode()
    assert IndicatorValue.objects.get(school=school).value == 12


def test_preview_lists_bad_cells_and_offers_no_import(school, period, methodologist, login):
    client = login(methodologist)
    data = xlsx_bytes(["Школа", "olympiad_school_math"], [["МАОУ СОШ № 7", "-5"], ["Нет", 1]])
    page = upload(client, data, "svod.xlsx", period).content.decode()
    assert "В файле 2 ошибки" in page
    assert "Неизвестная школа «Нет»" in page
    assert reverse("monitoring:import_confirm") not in page


def test_confirm_without_a_preview_asks_for_the_file(methodologist, login):
    response = login(methodologist).post(reverse("monitoring:import_confirm"), follow=True)
    assert "Загрузите файл ещё раз" in response.content.decode()


def test_a_file_that_is_not_a_spreadsheet(methodologist, period, login):
    page = upload(login(methodologist), b"not a workbook", "svod.xlsx", period)
    assert "не читается" in page.content.decode()


def test_export_view_gives_a_named_xlsx(school, period, methodologist, login):

    ValueFactory(school=school, period=period)
    response = login(methodologist).get(
        reverse("monitoring:export"), {"form": "wide", "period": period.pk}
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="indicators-wide-2025-2026.xlsx"'
    )
    rows = read_xlsx(response.content)
    assert rows[1][0] == "МАОУ СОШ № 7"


def test_preview_shows_what_each_changed_value_becomes(school, period, methodologist, login):
    ValueFactory(school=school, period=period, code="olympiad_school_math", value=10)
    data = xlsx_bytes(["Школа", "olympiad_school_math"], [["МАОУ СОШ № 7", "12"]])

    page = upload(login(methodologist), data, "svod.xlsx", period).content.decode()

    assert "Файл без ошибок: 0 новых, 1 изменится, 0 без изменений." in page
    changes = page.split('id="import-changes"')[1].split("</table>")[0]
    assert "<td>2</td><td>МАОУ СОШ № 7: Количество учащихся" in changes
    assert "<td>Значение</td><td>10</td><td>12</td>" in changes
