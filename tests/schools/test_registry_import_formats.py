"""An office's file saved as Excel 97–2003 (.xls) or OpenDocument (.ods) imports as its
XLSX does, and its error file comes back as an XLSX of the same sheet with the reasons.

tests/files/teachers.* hold three teachers of «маоу  сош № 2» under a title row, an empty
row and the header (row 3); teachers-bad.* a sheet of notes first, then «Педагоги» with
the second teacher's school unknown. LibreOffice saved them from tests/schools/office_files.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import ImportRecord
from schools.models import Teacher
from tests.schools.office_files import OFFICE_TEACHER_HEADERS, office_teacher

FILES = Path(__file__).parent.parent / "files"


@pytest.fixture
def client(login, methodologist):
    return login(methodologist)


def check(client, name, upload_as=None):
    upload = SimpleUploadedFile(upload_as or name, (FILES / name).read_bytes())
    return client.post(reverse("schools:import", args=["teachers"]), {"file": upload})


@pytest.mark.parametrize("name", ["teachers.xls", "teachers.ods"])
def test_an_xls_or_ods_file_imports_after_the_preview(client, registry, name):
    response = check(client, name)

    plan = response.context["plan"]
    assert plan.problems == []
    assert plan.table.header_row == 3
    assert "3 новых, 0 изменится, 0 без изменений" in response.content.decode()

    done = client.post(reverse("schools:import_confirm", args=["teachers"]), follow=True)
    assert "Импортировано: новых — 3" in done.content.decode()
    teacher = Teacher.objects.get(last_name="Учителева000")
    assert teacher.school == registry[1]
    assert sorted(s.name for s in teacher.subjects.all()) == ["Математика", "Русский язык"]
    assert teacher.teaches_grade_9 and not teacher.teaches_grade_11
    assert ImportRecord.objects.get().file_name == name


@pytest.mark.parametrize("name", ["teachers-bad.xls", "teachers-bad.ods"])
def test_the_error_file_of_an_xls_or_ods_is_an_xlsx_of_its_sheet(client, registry, name):
    response = check(client, name)
    plan = response.context["plan"]
    assert plan.table.sheet == "Педагоги"
    assert [(p.row, p.value) for p in plan.problems] == [(5, "Школа на Луне")]

    response = client.get(reverse("schools:import_errors", args=["teachers"]))

    assert response["Content-Disposition"].startswith('attachment; filename="import.xlsx"')
    assert "-%D0%BE%D1%88%D0%B8%D0%B1%D0%BA%D0%B8.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    width = len(OFFICE_TEACHER_HEADERS) + 1
    assert sheet.title == "Педагоги"
    assert sheet.cell(row=1, column=1).value.startswith("Список педагогических")
    assert sheet.cell(row=3, column=width).value == "Ошибка"
    assert sheet.cell(row=5, column=width).value == "«Школа»: Неизвестная школа «Школа на Луне»."
    assert sheet.cell(row=5, column=3).value == "Школа на Луне"


def test_an_xls_saved_under_an_xlsx_name_is_read_by_its_bytes(client, registry):
    response = check(client, "teachers.xls", upload_as="педагоги.xlsx")

    assert response.context["plan"].problems == []
    assert "3 новых" in response.content.decode()


def test_another_kind_of_file_is_refused_with_the_formats_named(client, registry):
    upload = SimpleUploadedFile("педагоги.txt", b"just text")
    response = client.post(reverse("schools:import", args=["teachers"]), {"file": upload})

    assert "Загрузите файл XLSX, XLS, ODS или CSV" in response.content.decode()


def test_a_password_protected_file_is_refused_on_the_page_with_what_to_do(client, registry):
    response = check(client, "protected.xlsx", upload_as="педагоги.xlsx")

    assert response.status_code == 200
    assert "Файл защищён паролем: сохраните его без пароля" in response.content.decode()
    assert not Teacher.objects.exists()


def unicode_text(rows):
    """What Excel's «Сохранить как» → «Текст Юникод» writes: UTF-16 with its mark, tabs."""
    lines = ["Список педагогических работников", "\t".join(OFFICE_TEACHER_HEADERS)]
    lines += ["\t".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


def test_excels_unicode_text_imports_and_its_error_file_comes_back_the_same_way(client, registry):
    good = [office_teacher(n, school="МАОУ СОШ № 2") for n in range(2)]
    upload = SimpleUploadedFile("педагоги.csv", unicode_text(good))
    response = client.post(reverse("schools:import", args=["teachers"]), {"file": upload})
    assert response.context["plan"].problems == []
    assert "2 новых" in response.content.decode()

    bad = [office_teacher(1, school="Школа на Луне")]
    upload = SimpleUploadedFile("педагоги.csv", unicode_text(bad))
    client.post(reverse("schools:import", args=["teachers"]), {"file": upload})
    errors = client.get(reverse("schools:import_errors", args=["teachers"])).content

    assert errors.startswith(b"\xff\xfe")
    lines = errors.decode("utf-16").splitlines()
    assert lines[1].endswith("\tОшибка")
    assert lines[2].endswith("\t«Школа»: Неизвестная школа «Школа на Луне».")
