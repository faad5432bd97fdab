"""Every export opens well in Russian Excel: typed cells, a Russian sheet, frozen header."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.exports import table_csv, table_workbook, write_table
from monitoring.services.indicator_import import indicator_export
from tests.events.factories import RegistrationFactory
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.schools.factories import SchoolFactory


def sheet_of(data, index=0):
    return load_workbook(io.BytesIO(data)).worksheets[index]


def test_a_table_is_typed_frozen_filtered_and_fitted():
    rows = [["Очень длинное наименование школы № 1", datetime.date(2025, 9, 1), Decimal("48.5")]]

    sheet = sheet_of(table_workbook(title="Школы", headers=["Школа", "Дата", "Доля"], rows=rows))

    assert sheet.title == "Школы"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C2"
    assert isinstance(sheet["B2"].value, datetime.datetime)
    assert sheet["B2"].number_format == "DD.MM.YYYY"
    assert sheet["C2"].value == 48.5
    assert sheet.column_dimensions["A"].width > len("Школа") + 10


def test_formulas_stay_text():
    sheet = sheet_of(table_workbook(title="x", headers=["A"], rows=[["=1+1"]]))
    assert sheet["A2"].value == "'=1+1"


def test_csv_is_utf8_with_bom_semicolons_and_decimal_commas():
    data = table_csv(
        headers=["Школа", "Доля", "Дата"], rows=[["СОШ", 48.5, datetime.date(2025, 9, 1)]]
    )
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines() == ["Школа;Доля;Дата", "СОШ;48,5;01.09.2025"]


@pytest.mark.django_db
def test_registrations_export_has_dates_as_dates(login, methodologist):
    registration = RegistrationFactory()

    response = login(methodologist).get(reverse("events:export", args=[registration.event.pk]))

    sheet = sheet_of(response.content)
    assert sheet.title == "Регистрации"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:H")
    assert isinstance(sheet["G2"].value, datetime.datetime)


@pytest.mark.django_db
def test_indicator_export_has_russian_headers_and_numbers():
    period = PeriodFactory(year=2025)
    value = ValueFactory(period=period, school=SchoolFactory())

    sheet = sheet_of(indicator_export(period=period))

    assert sheet.title.startswith("Показатели")
    assert sheet["A1"].value == "Школа"
    headers = [c.value for c in sheet[1]]
    column = headers.index(value.indicator.name) + 1
    assert sheet.cell(row=2, column=column).value == 10  # a number, not text
    long = sheet_of(indicator_export(form="long"))
    assert [c.value for c in long[1]] == [
        "Школа",
        "Показатель",
        "Период",
        "Значение",
        "Числитель",
        "Знаменатель",
    ]


def test_a_table_below_details_is_frozen_under_its_own_header():
    from openpyxl import Workbook

    sheet = Workbook().active
    sheet.append(["Партнёрство"])
    write_table(sheet, ["Этап"], [["1"]], header_row=3)
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref == "A3:A4"
