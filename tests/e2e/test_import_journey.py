"""Journey 1: a methodologist imports 40 schools and 900 teachers from XLSX in the admin,
fixes the rows the preview flagged, and creates a partnership, in Chromium."""

import pytest
from django.urls import reverse

from network.models import Partnership
from schools.models import School, Teacher
from tests.conftest import log_in
from tests.schools.factories import SubjectFactory
from tests.schools.spreadsheets import (
    SCHOOL_HEADERS,
    TEACHER_HEADERS,
    school_row,
    teacher_row,
    xlsx_bytes,
)

pytestmark = pytest.mark.browser


def schools_file(tmp_path, *, bad_row):
    rows = []
    for n in range(1, 41):
        category = "школа-лидер" if n <= 5 else "ШНОР" if n <= 15 else "обычная"
        if n == bad_row:
            category = "элитная"
        rows.append(school_row(f"МАОУ СОШ № {n}", category, f"sosh{n}@example.org"))
    path = tmp_path / f"schools-{bad_row}.xlsx"
    path.write_bytes(xlsx_bytes(SCHOOL_HEADERS, rows))
    return path


def teachers_file(tmp_path):
    rows = [
        teacher_row(f"Учителева{n:03}", school=f"МАОУ СОШ № {n % 40 + 1}", email="")
        for n in range(900)
    ]
    path = tmp_path / "teachers.xlsx"
    path.write_bytes(xlsx_bytes(TEACHER_HEADERS, rows))
    return path


def upload(page, model, path, timeout=None):
    """Send the file; the click returns once the preview page has come (``timeout`` in ms)."""
    page.goto(reverse(f"admin:schools_{model}_import"))
    page.get_by_label("Формат").select_option(label="xlsx")
    page.get_by_label("Файл для импорта").set_input_files(path)
    page.get_by_role("button", name="Отправить").click(timeout=timeout)


def test_methodologist_imports_schools_and_teachers_and_creates_a_partnership(
    page, transactional_db, methodologist, tmp_path
):
    SubjectFactory(name="Математика")
    log_in(page, methodologist.username)

    upload(page, "school", schools_file(tmp_path, bad_row=7))
    page.get_by_text("Неизвестная категория «элитная»").wait_for()
    assert page.get_by_role("button", name="Подтвердить импорт").count() == 0
    assert School.objects.count() == 0

    upload(page, "school", schools_file(tmp_path, bad_row=0))  # the row fixed
    page.get_by_role("button", name="Подтвердить импорт").click()
    page.get_by_text("Импорт завершён: новых — 40").wait_for()
    assert School.objects.count() == 40

    # Checking 900 rows for the preview takes longer than a click's default 15 s on a busy machine.
    upload(page, "teacher", teachers_file(tmp_path), timeout=120_000)
    page.get_by_role("button", name="Подтвердить импорт").click(timeout=120_000)
    page.get_by_text("Импорт завершён: новых — 900").wait_for(timeout=120_000)
    assert Teacher.objects.count() == 900

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
