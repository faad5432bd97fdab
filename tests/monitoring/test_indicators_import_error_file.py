"""The import page's table of problems, the error file to download and the sheet picker."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.models import IndicatorValue
from tests.schools.factories import SchoolFactory
from tests.schools.office_files import TITLE, office_csv, office_xlsx

pytestmark = pytest.mark.django_db

WIDE = ["№ п/п", "Школа ", "olympiad_school_math", "OLYMPIAD_SCHOOL_RUSSIAN"]
ROWS = [
    ["1", "МАОУ СОШ № 7", "много", 5],
    ["2", "Школа на Луне", 3, None],
    ["3", "МАОУ СОШ № 7", "4", "5"],
]


@pytest.fixture
def school(db):
    return SchoolFactory(short_name="МАОУ СОШ № 7")


def upload(client, data, name, period=None, **extra):
    payload = {"file": SimpleUploadedFile(name, data), **extra}
    if period is not None:
        payload["period"] = period.pk
    return client.post(reverse("monitoring:import"), payload)


def cells_of(page):
    """The problems table's rows as lists of cell texts."""
    table = page.split('id="import-problems"')[1].split("</table>")[0]
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows]


def test_the_page_lists_every_problem_with_excel_rows(school, period, methodologist, login):
    page = upload(login(methodologist), office_xlsx(WIDE, ROWS), "svod.xlsx", period)
    text = page.content.decode()

    repeated = "Школа указана в файле больше одного раза за период: строки 4, 6."
    assert cells_of(text) == [
        ["4", "olympiad_school_math", "много", "Ожидалось число, а указано «много»."],
        ["4", "Школа", "МАОУ СОШ № 7", repeated],
        ["5", "Школа", "Школа на Луне", "Неизвестная школа «Школа на Луне»."],
        ["6", "Школа", "МАОУ СОШ № 7", repeated],
    ]
    assert "None" not in text
    assert reverse("monitoring:import_errors") in text
    assert reverse("monitoring:import_confirm") not in text


def test_the_error_file_is_the_users_file_with_an_error_column(
    school, period, methodologist, login
):
    client = login(methodologist)
    upload(client, office_xlsx(WIDE, ROWS), "свод.xlsx", period)

    response = client.get(reverse("monitoring:import_errors"))

    assert (
        "%D1%81%D0%B2%D0%BE%D0%B4-%D0%BE%D1%88%D0%B8%D0%B1%D0%BA%D0%B8.xlsx"
        in (response["Content-Disposition"])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == TITLE
    assert rows[2] == [*WIDE, "Ошибка"]
    assert rows[3][:4] == ROWS[0] and rows[3][4] == (
        "«olympiad_school_math»: Ожидалось число, а указано «много»; "
        "«Школа»: Школа указана в файле больше одного раза за период: строки 4, 6."
    )
    assert rows[4][4] == "«Школа»: Неизвестная школа «Школа на Луне»."
    assert not IndicatorValue.objects.exists()


def test_the_error_file_of_a_cp1251_csv_stays_a_cp1251_csv(school, period, methodologist, login):
    client = login(methodologist)
    headers = ["Школа", "Показатель", "Период", "Значение"]
    data = office_csv(headers, [["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "-1"]])
    upload(client, data, "svod.csv", period)

    lines = client.get(reverse("monitoring:import_errors")).content.decode("cp1251").splitlines()

    assert lines[1] == "Школа;Показатель;Период;Значение;Ошибка"
    assert lines[2].endswith(";«Значение»: Значение не может быть отрицательным.")


def test_the_error_file_needs_a_checked_file(methodologist, director_a, login):
    assert login(methodologist).get(reverse("monitoring:import_errors")).status_code == 404
    assert login(director_a).get(reverse("monitoring:import_errors")).status_code == 403


def test_a_workbook_of_several_sheets_offers_the_sheet_picker(school, period, methodologist, login):
    client = login(methodologist)
    data = office_xlsx(WIDE, [["1", "МАОУ СОШ № 7", 4, 5]], sheet="Свод", before="Пояснения")

    page = upload(client, data, "svod.xlsx", period).content.decode()

    assert 'name="sheet"' in page and '<option value="Пояснения">' in page
    assert "Лист «Свод», заголовки в строке 3." in page
    assert "2 новых, 0 изменится, 0 без изменений" in page
    other = client.post(reverse("monitoring:import"), {"sheet": "Пояснения", "period": period.pk})
    assert "В файле нет столбца «Школа»." in other.content.decode()


def test_the_kept_file_is_checked_again_on_the_chosen_sheet(school, period, methodologist, login):
    client = login(methodologist)
    data = office_xlsx(WIDE, [["1", "МАОУ СОШ № 7", 4, 5]], sheet="Свод", before="Пояснения")
    upload(client, data, "svod.xlsx", period)

    page = client.post(reverse("monitoring:import"), {"sheet": "Свод", "period": period.pk})

    assert "2 новых, 0 изменится, 0 без изменений" in page.content.decode()
    client.post(reverse("monitoring:import_confirm"))
    assert IndicatorValue.objects.filter(school=school).count() == 2
