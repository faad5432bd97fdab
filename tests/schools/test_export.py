import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from core.admin_formats import CSV, XLSX
from schools.resources import SchoolResource, TeacherResource
from tests.schools.factories import SchoolFactory, TeacherFactory
from tests.schools.spreadsheets import read_xlsx

DANGEROUS = ['=HYPERLINK("http://x")', "+7 900", "-1+2", "@SUM(A1)"]


def test_xlsx_export_escapes_formula_like_cells(db):
    for i, text in enumerate(DANGEROUS):
        SchoolFactory(short_name=f"Школа {i}", director_name=text)

    rows = read_xlsx(XLSX().export_data(SchoolResource().export()))

    directors = {row[rows[0].index("Директор")] for row in rows[1:]}
    assert directors == {"'" + text for text in DANGEROUS}


def test_csv_export_escapes_formulas_and_opens_in_russian_excel(db):
    TeacherFactory(last_name="=cmd|' /C calc'!A0", first_name="Ольга")

    data = CSV().export_data(TeacherResource().export())

    assert data.startswith("\ufeff"), "a BOM makes Excel read UTF-8"
    assert "'=cmd" in data
    assert "Ольга" in data


def test_export_through_the_admin_downloads_xlsx(login, methodologist):
    SchoolFactory(short_name="Школа экспорта", director_name="=1+1")

    response = login(methodologist).post(
        reverse("admin:schools_school_export"),
        {
            "format": "0",
            "resource": "0",
            "schoolresource_short_name": "on",
            "schoolresource_director_name": "on",
        },
    )

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = read_xlsx(content)
    assert rows == [["Краткое наименование", "Директор"], ["Школа экспорта", "'=1+1"]]


def test_plain_values_are_left_alone(db):
    SchoolFactory(short_name="МАОУ СОШ № 5", director_name="Иванова И. И.")

    rows = read_xlsx(XLSX().export_data(SchoolResource().export()))

    assert rows[1][0] == "МАОУ СОШ № 5"
    assert rows[1][rows[0].index("Директор")] == "Иванова И. И."


def test_the_admins_teacher_export_writes_dates_as_dates(login, methodologist):
    TeacherFactory(
        last_name="Сомова", birth_date=datetime.date(1980, 12, 31), personnel_number="00123"
    )

    response = login(methodologist).post(
        reverse("admin:schools_teacher_export"),
        {
            "format": "0",
            "resource": "0",
            "teacherresource_last_name": "on",
            "teacherresource_birth_date": "on",
            "teacherresource_personnel_number": "on",
        },
    )

    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Фамилия", "Дата рождения", "Табельный номер"]
    assert rows[1][0] == "Сомова" and rows[1][2] == "00123"
    assert isinstance(rows[1][1], datetime.datetime) and rows[1][1].date() == datetime.date(
        1980, 12, 31
    )
