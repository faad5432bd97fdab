"""Journey 1: a methodologist imports 40 schools and 900 teachers from offices' own files,
sees every bad row at once by its Excel number, fixes them in the error file, imports
with progress shown, and creates a partnership, in Chromium."""

import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from openpyxl import load_workbook

from network.models import Partnership
from schools.models import School, Teacher
from tests.conftest import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.e2e.test_phones import PHONE, overflow_report
from tests.schools.factories import SubjectFactory
from tests.schools.office_files import (
    OFFICE_SCHOOL_HEADERS,
    OFFICE_TEACHER_HEADERS,
    office_school,
    office_teacher,
    office_xlsx,
)

pytestmark = pytest.mark.browser

# Offices' files: a title in row 1, an empty row 2, the header in row 3, data from row 4.
BAD_ROWS = (6, 430, 900)


# Notes, as the form is sent, whether the progress bar is on the screen; the note survives
# the page that follows (sessionStorage), where the test reads it.
NOTE_PROGRESS = """() => document.addEventListener("submit", () => {
  const bar = document.querySelector("progress");
  const shown = bar && bar.getClientRects().length > 0;
  sessionStorage.setItem("progress", shown ? "shown" : "hidden");
})"""


def schools_file(tmp_path):
    rows = []
    for n in range(1, 41):
        category = "школа-лидер" if n <= 5 else "ШНОР" if n <= 15 else "обычная"
        rows.append(office_school(n, category=category))
    path = tmp_path / "schools.xlsx"
    path.write_bytes(office_xlsx(OFFICE_SCHOOL_HEADERS, rows, title="Реестр школ"))
    return path


def teachers_file(tmp_path):
    rows = [office_teacher(n, school=f"МАОУ СОШ № {n % 40 + 1}") for n in range(897)]
    rows[6 - 4][2] = "Школа на Луне"
    rows[430 - 4][4] = "вторая"
    rows[900 - 4][3] = "Математика, астрология"
    path = tmp_path / "teachers.xlsx"
    path.write_bytes(office_xlsx(OFFICE_TEACHER_HEADERS, rows))
    return path


def upload(page, kind, path):
    page.goto(reverse("schools:import", args=[kind]))
    page.get_by_label("Файл (XLSX, XLS, ODS или CSV)").set_input_files(path)
    page.get_by_role("button", name="Проверить файл").click(timeout=120_000)


def test_methodologist_imports_office_files_and_creates_a_partnership(
    page, transactional_db, methodologist, tmp_path
):
    SubjectFactory(name="Математика")
    log_in(page, methodologist.username)

    upload(page, "schools", schools_file(tmp_path))
    page.get_by_text("Файл без ошибок: 40 новых, 0 изменится, 0 без изменений.").wait_for()
    page.get_by_role("button", name="Импортировать").click()
    page.get_by_text("Импортировано: новых — 40").wait_for()
    assert School.objects.count() == 40

    upload(page, "teachers", teachers_file(tmp_path))
    page.get_by_text("В файле 3 ошибки; ничего не импортировано.").wait_for(timeout=120_000)
    table = page.locator("#import-problems tbody tr")
    assert table.count() == 3
    rows = [table.nth(i).locator("td").first.inner_text() for i in range(3)]
    assert rows == [str(n) for n in BAD_ROWS]
    assert "Неизвестная школа «Школа на Луне»." in table.nth(0).inner_text()
    assert page.get_by_role("button", name="Импортировать").count() == 0
    assert blocking_violations(page, Axe()) == []
    page.set_viewport_size(PHONE)
    assert overflow_report(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})

    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать файл со столбцом «Ошибка»").click()
    assert download.value.suggested_filename == "teachers-ошибки.xlsx"
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book.active
    error_column = len(OFFICE_TEACHER_HEADERS) + 1
    assert sheet.cell(row=3, column=error_column).value == "Ошибка"
    for row in BAD_ROWS:
        assert sheet.cell(row=row, column=error_column).value
    # The methodologist fixes the three rows in the error file and uploads it again.
    sheet.cell(row=6, column=3).value = "МАОУ СОШ № 3"
    sheet.cell(row=430, column=5).value = "первая"
    sheet.cell(row=900, column=4).value = "Математика"
    fixed = tmp_path / "teachers-fixed.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    fixed.write_bytes(buffer.getvalue())

    upload(page, "teachers", fixed)
    page.get_by_text("Файл без ошибок: 897 новых").wait_for(timeout=120_000)
    page.evaluate(NOTE_PROGRESS)
    page.get_by_role("button", name="Импортировать").click()
    page.get_by_text("Импортировано: новых — 897").wait_for(timeout=120_000)
    assert Teacher.objects.count() == 897
    # The bar was shown while the server wrote the file (noted as the form was sent).
    assert page.evaluate("sessionStorage.getItem('progress')") == "shown"
    # A file this big is a worker's job: its page has the progress bar, here at its end.
    bar = page.get_by_role("progressbar", name="Ход импорта")
    assert bar.get_attribute("aria-valuenow") == "100"

    add_url = reverse("network:partnership_add")
    page.goto(add_url)
    page.get_by_label("Школа-лидер").select_option(label="МАОУ СОШ № 1")
    page.get_by_label("Поддерживаемые школы").select_option(label="МАОУ СОШ № 6")
    page.get_by_label("Объединяющая цель").fill("Подготовка к ГИА по математике")
    page.get_by_label("Начало").fill("2026-09-01")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(lambda url: add_url not in url)

    partnership = Partnership.objects.get()
    assert partnership.leader.short_name == "МАОУ СОШ № 1"
    assert [s.short_name for s in partnership.schools.all()] == ["МАОУ СОШ № 6"]
