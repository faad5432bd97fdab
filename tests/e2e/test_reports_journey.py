"""A coordinator orders the municipal report, watches it get ready, and downloads it
with its editable copy and its annex."""

import io

import docx
import openpyxl
import pytest

from reports.models import Report
from tests.conftest import log_in, open_menu
from tests.monitoring.factories import PeriodFactory
from tests.schools.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def test_coordinator_orders_and_downloads_the_municipal_report(page, celery_workers, coordinator):
    celery_workers()
    SchoolFactory(short_name="МАОУ СОШ № 31")
    PeriodFactory(year=2025)

    log_in(page, coordinator.username)
    open_menu(page, "Мониторинг", "Отчёты")
    page.get_by_label("Вид отчёта").select_option(label="Муниципальный отчёт о мониторинге")
    page.get_by_label("Выводы (для муниципального отчёта)").fill("Сеть работает.")
    page.get_by_role("button", name="Заказать").click()
    page.get_by_role("alert").filter(has_text="заказан").wait_for()

    # The page updates itself: no reload between the order and the download link.
    download_link = page.get_by_role("link", name="Скачать PDF")
    download_link.wait_for(timeout=60_000)
    assert page.locator("tr[data-report-id] .badge").first.inner_text() == "Готов"
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "Муниципальный отчёт о мониторинге за 2025-2026.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="DOCX").click()
    word = docx.Document(str(download_info.value.path()))
    assert any(p.text == "1. Сводные показатели" for p in word.paragraphs)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Приложение (XLSX)").click()
    assert download_info.value.suggested_filename.endswith("2025-2026. Приложение.xlsx")
    with open(download_info.value.path(), "rb") as xlsx:  # the saved file has no extension
        annex = openpyxl.load_workbook(io.BytesIO(xlsx.read()))
    names = [row[0] for row in annex.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert names == ["МАОУ СОШ № 31"]
    report = Report.objects.get()
    assert report.status == Report.Status.DONE
    assert report.params["conclusion"] == "Сеть работает."
