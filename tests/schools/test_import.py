"""Import of schools and teachers through the admin, as a methodologist does it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from schools.models import CategoryRecord, School, Teacher
from tests.schools.factories import SchoolFactory, SubjectFactory, TeacherFactory
from tests.schools.spreadsheets import (
    SCHOOL_HEADERS,
    TEACHER_HEADERS,
    csv_bytes,
    school_row,
    teacher_row,
    xlsx_bytes,
)

XLSX, CSV = "0", "1"  # positions in core.spreadsheets.FORMATS


@pytest.fixture
def admin_client(login, methodologist):
    return login(methodologist)


def preview(client, model, data, fmt, name="file"):
    upload = SimpleUploadedFile(name, data)
    return client.post(
        reverse(f"admin:schools_{model}_import"),
        {"import_file": upload, "format": fmt, "resource": "0"},
    )


def confirm(client, model, response):
    html = response.content.decode()
    fields = dict(
        re.findall(
            r'name="(import_file_name|original_file_name|format|resource)"'
            r' value="([^"]*)"',
            html,
        )
    )
    assert "import_file_name" in fields, "the preview offers no confirmation"
    return client.post(reverse(f"admin:schools_{model}_process_import"), fields, follow=True)


def test_good_xlsx_of_schools_imports_after_preview(admin_client):
    data = xlsx_bytes(SCHOOL_HEADERS, [school_row(), school_row("МАОУ СОШ № 8", "школа-лидер")])

    response = preview(admin_client, "school", data, XLSX, "schools.xlsx")
    assert response.status_code == 200
    assert School.objects.count() == 0  # the preview writes nothing

    done = confirm(admin_client, "school", response)
    assert "Импорт завершён: новых — 2, обновлено — 0" in done.content.decode()
    school = School.objects.get(short_name="МАОУ СОШ № 7")
    assert school.category == School.Category.LOW_RESULTS
    assert school.locality == School.Locality.URBAN
    assert CategoryRecord.objects.filter(
        school=school, category=School.Category.LOW_RESULTS
    ).exists()
    assert School.objects.get(short_name="МАОУ СОШ № 8").category == School.Category.LEADER


def test_second_import_updates_and_skips_unchanged(admin_client):
    data = xlsx_bytes(SCHOOL_HEADERS, [school_row(), school_row("МАОУ СОШ № 8")])
    confirm(admin_client, "school", preview(admin_client, "school", data, XLSX))

    changed = xlsx_bytes(SCHOOL_HEADERS, [school_row(), school_row("МАОУ СОШ № 8", "лидер")])
    done = confirm(admin_client, "school", preview(admin_client, "school", changed, XLSX))

    assert "новых — 0, обновлено — 1, удалено — 0, пропущено — 1" in done.content.decode()
    assert School.objects.count() == 2


def test_cp1251_csv_of_teachers_with_semicolons_imports(admin_client):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")
    data = csv_bytes(TEACHER_HEADERS, [teacher_row(), teacher_row("Ёлкина", email="")])

    done = confirm(admin_client, "teacher", preview(admin_client, "teacher", data, CSV))

    assert "новых — 2" in done.content.decode()
    teacher = Teacher.objects.get(last_name="Смирнова")
    assert teacher.first_name == "Ольга"
    assert teacher.qualification == Teacher.Qualification.FIRST
    assert teacher.teaches_grade_9 and not teacher.teaches_grade_11
    assert [s.name for s in teacher.subjects.all()] == ["Математика"]
    assert Teacher.objects.filter(last_name="Ёлкина").exists()


def test_utf8_csv_with_commas_imports(admin_client):
    data = csv_bytes(SCHOOL_HEADERS, [school_row()], encoding="utf-8-sig", delimiter=",")

    confirm(admin_client, "school", preview(admin_client, "school", data, CSV))

    assert School.objects.filter(short_name="МАОУ СОШ № 7").exists()


MALFORMED_SCHOOLS = {
    "missing required column": (
        [h for h in SCHOOL_HEADERS if h != "Категория"],
        [school_row()[:-1]],
        "В файле нет обязательного столбца: «Категория»",
    ),
    "unknown category": (
        SCHOOL_HEADERS,
        [school_row(category="элитная")],
        "Неизвестная категория «элитная»",
    ),
    "bad e-mail": (
        SCHOOL_HEADERS,
        [school_row(email="не-почта")],
        "Введите правильный адрес электронной почты",
    ),
    "duplicate": (
        SCHOOL_HEADERS,
        [school_row(), school_row()],
        "Школа встречается в файле больше одного раза",
    ),
    "empty required value": (
        SCHOOL_HEADERS,
        [school_row(short="")],
        "Обязательное значение не заполнено",
    ),
}


@pytest.mark.parametrize("case", MALFORMED_SCHOOLS)
def test_malformed_schools_file_imports_nothing_and_says_why(admin_client, case):
    headers, rows, reason = MALFORMED_SCHOOLS[case]
    good = [school_row("МАОУ СОШ № 99")]

    response = preview(admin_client, "school", xlsx_bytes(headers, good + rows), XLSX)

    html = response.content.decode()
    assert reason in html
    assert 'name="import_file_name"' not in html  # no way to confirm a bad file
    assert School.objects.count() == 0


def test_unknown_school_of_a_teacher_is_reported_with_its_row(admin_client):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")
    rows = [teacher_row(), teacher_row("Иванова", school="Школа на Луне")]

    response = preview(admin_client, "teacher", csv_bytes(TEACHER_HEADERS, rows), CSV)

    html = response.content.decode()
    assert "Неизвестная школа «Школа на Луне»" in html
    assert re.search(r"<td>2\s*</td>", html), "the preview names the bad row"
    assert 'name="import_file_name"' not in html
    assert Teacher.objects.count() == 0


def test_duplicate_teacher_rows_are_refused(admin_client):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")
    rows = [teacher_row(), teacher_row()]

    response = preview(admin_client, "teacher", xlsx_bytes(TEACHER_HEADERS, rows), XLSX)

    assert "Учитель встречается в файле больше одного раза" in response.content.decode()
    assert Teacher.objects.count() == 0


def test_existing_teacher_is_updated_not_duplicated(admin_client):
    school = SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")
    TeacherFactory(school=school, last_name="Смирнова", first_name="Ольга", patronymic="Петровна")

    done = confirm(
        admin_client,
        "teacher",
        preview(admin_client, "teacher", xlsx_bytes(TEACHER_HEADERS, [teacher_row()]), XLSX),
    )

    assert "новых — 0, обновлено — 1" in done.content.decode()
    assert Teacher.objects.get().uses_online_platforms is True


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_error(admin_client):
    response = preview(admin_client, "school", b"%PDF-1.4 not a table", XLSX, "report.pdf")

    assert "Не удалось прочитать файл как таблицу выбранного формата" in response.content.decode()
    assert School.objects.count() == 0


def test_import_is_refused_to_a_coordinator(login, coordinator):
    data = xlsx_bytes(SCHOOL_HEADERS, [school_row()])

    response = preview(login(coordinator), "school", data, XLSX)

    assert response.status_code in (302, 403)
    assert School.objects.count() == 0
