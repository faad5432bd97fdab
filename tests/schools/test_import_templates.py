"""The import templates: Russian headers, a sheet of allowed values, Excel drop-downs."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.monitoring.factories import PeriodFactory
from tests.schools.factories import SchoolFactory, SubjectFactory


def validations(sheet):
    """Column letter → (the list's formula, whether other text is refused)."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        found[letter] = (validation.formula1, validation.showErrorMessage)
    return found


@pytest.mark.django_db
def test_the_teachers_template_has_drop_downs_of_allowed_values(login, methodologist):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")

    response = login(methodologist).get(reverse("schools:import_template", args=["teachers"]))

    book = load_workbook(io.BytesIO(response.content))
    data, allowed = book.worksheets
    assert (data.title, allowed.title) == ("Данные", "Допустимые значения")
    headers = [c.value for c in data[1]]
    assert headers[:5] == ["ФИО", "Фамилия", "Имя", "Отчество", "Школа"]
    assert headers[-2:] == ["Дата рождения", "Табельный номер"]
    # The personnel number is text (00123 stays), the date of birth shows as 31.12.1980.
    assert data.column_dimensions["O"].number_format == "@"
    assert data.column_dimensions["N"].number_format == "DD.MM.YYYY"
    assert "сохраняется как написан (00123)" in data["O1"].comment.text
    assert data.freeze_panes == "A2"
    lists = {allowed.cell(row=1, column=c).value: c for c in range(1, allowed.max_column + 1)}
    assert [
        allowed.cell(row=r, column=lists["Квалификационная категория"]).value for r in (2, 3, 4)
    ] == [
        "нет",
        "первая",
        "высшая",
    ]
    found = validations(data)
    assert found["E"] == ("'Допустимые значения'!$A$2:$A$2", True)  # the school
    assert found["G"][1] is False  # several subjects may be typed in one cell
    assert set(found) == {"E", "G", "H", "I", "J", "K"}
    assert "Книга" not in str(response["Content-Disposition"])


@pytest.mark.django_db
def test_the_schools_template_lists_the_categories(login, methodologist):
    response = login(methodologist).get(reverse("schools:import_template", args=["schools"]))

    book = load_workbook(io.BytesIO(response.content))
    allowed = book["Допустимые значения"]
    column = [c.value for c in allowed["A"]]
    assert column[0] == "Тип местности"
    categories = [c.value for c in allowed["B"]][1:]
    assert "Школа-лидер" in categories and len(categories) == 4
    assert len(validations(book["Данные"])) == 2


@pytest.mark.django_db
def test_the_indicator_template_has_drop_downs(login, methodologist):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    PeriodFactory(year=2025)

    response = login(methodologist).get(reverse("monitoring:import_template"))

    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.worksheets[0][1]] == [
        "Школа",
        "Показатель",
        "Период",
        "Значение",
        "Числитель",
        "Знаменатель",
    ]
    assert set(validations(book.worksheets[0])) == {"A", "B", "C"}
    assert login(None).get(reverse("monitoring:import_template")).status_code == 302
