"""The files a coordinator signs and sends: tagged PDFs with their metadata, the approval
block, the download's name, and the DOCX copy with the PDF's headings and numbers."""

import datetime
import io
import re
import shutil
import subprocess
from decimal import Decimal
from urllib.parse import unquote

import docx
import openpyxl
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse

from events.certificates import certificate_pdf
from events.models import Certificate
from reports.kinds import KINDS
from reports.models import Report
from reports.services import report_order, report_render_now
from schools.models import School
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory, TargetFactory, ValueFactory
from tests.pdf import pdf_text
from tests.reports.factories import ReportFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

needs_pdfinfo = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) is not installed"
)


def flat(text):
    return " ".join(text.split())


def pdfinfo(content: bytes, tmp_path) -> dict:
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pairs = (line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    return {key: value.strip() for key, value in pairs}


@pytest.fixture
def region(db, settings):
    """Two schools with values and a municipal target, seen in the spring of 2026."""
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        yield _region(settings)


def _region(settings):
    settings.PORTAL_CENTRE_HEAD_NAME = "Н. В. Смирнова"
    settings.PORTAL_CENTRE_HEAD_POSITION = "Директор МКУ «ИМЦ»"
    settings.PORTAL_REPORT_AGREED_NAME = "П. С. Орлов"
    period = PeriodFactory(year=2025)
    low = SchoolFactory(short_name="МАОУ СОШ № 7", category=School.Category.LOW_RESULTS)
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    for school, value in ((low, "81.5"), (leader, "97.5")):
        ValueFactory(code="gia_passed_share", school=school, period=period, value=Decimal(value))
    TargetFactory(code="gia_passed_share", period=period, value=Decimal("92.5"))
    TeacherFactory.create_batch(4, school=low)
    return period


@needs_pdfinfo
def test_every_report_pdf_is_tagged_with_title_author_and_subject(region, tmp_path, settings):
    school = School.objects.get(short_name="МАОУ СОШ № 7")
    for kind, params in (("municipal", {"period": region.pk}), ("school", {"school": school.pk})):
        info = pdfinfo(report_render_now(kind=kind, params=params), tmp_path)

        assert info["Tagged"] == "yes"
        assert info["Title"] == KINDS[kind].title(params)
        assert info["Author"] == settings.PORTAL_CENTRE_NAME
        assert info["Subject"] == KINDS[kind].subject(params)


@needs_pdfinfo
def test_certificate_is_tagged_with_title_and_author(db, tmp_path, settings):
    registration = RegistrationFactory(
        teacher=TeacherFactory(last_name="Лаптева", first_name="Мария", patronymic="Андреевна"),
        event=EventFactory(title="Семинар по функциональной грамотности"),
        attended=True,
    )
    certificate = Certificate.objects.create(registration=registration)

    info = pdfinfo(certificate_pdf(certificate), tmp_path)

    assert info["Tagged"] == "yes"
    assert info["Title"] == "Сертификат: Лаптева Мария Андреевна"
    assert info["Author"] == settings.PORTAL_CENTRE_NAME
    assert "Семинар по функциональной грамотности" in info["Subject"]


def test_municipal_pdf_has_the_approval_block_numbered_sections_and_targets(region):
    text = flat(pdf_text(report_render_now(kind="municipal", params={"period": region.pk})))

    assert "УТВЕРЖДАЮ Директор МКУ «ИМЦ» ________________ Н. В. Смирнова" in text
    assert "СОГЛАСОВАНО Начальник управления образования ________________ П. С. Орлов" in text
    assert "подпись" in text
    assert "1. Сводные показатели" in text
    assert "3. Показатели по категориям школ" in text
    # the municipal target beside each category, and who reached it
    assert re.search(r"ШНОР 1 — 81,5 \S* 81,5 – 81,5 92,5 0", text), text
    assert re.search(r"Школа-\s?лидер 1 — 97,5 \S* 97,5 – 97,5 92,5 1", text), text
    assert "2025/2026 учебный год (01.09.2025 – 31.08.2026)" in text


def test_docx_holds_the_same_headings_and_numbers_as_the_pdf(region):
    files = KINDS["municipal"].render_files({"period": region.pk})
    pdf = flat(pdf_text(files.pdf))
    word = docx.Document(io.BytesIO(files.docx))

    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    numbered = [h for h in headings if re.match(r"\d+(\.\d+)*\. ", h)]
    assert "1. Сводные показатели" in numbered and "3. Показатели по категориям школ" in numbered
    for heading in numbered:
        assert flat(heading) in pdf, heading
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    for number in ("81,5", "97,5", "92,5", "4"):
        assert number in cells and number in pdf
    assert word.core_properties.title == KINDS["municipal"].title({"period": region.pk})
    assert "УТВЕРЖДАЮ" in word.tables[0].rows[0].cells[1].text


def test_school_report_also_comes_as_docx(region):
    school = School.objects.get(short_name="МАОУ СОШ № 7")
    files = KINDS["school"].render_files({"school": school.pk})
    word = docx.Document(io.BytesIO(files.docx))

    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Школа" in headings and "2. Педагогический коллектив" in headings
    assert files.annex is None


@pytest.fixture
def done_report(db, methodologist, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = ReportFactory(
        kind=Report.Kind.MUNICIPAL,
        title="Муниципальный отчёт о мониторинге за 2025/2026",
        ordered_by=methodologist,
        status=Report.Status.DONE,
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7 stand-in"))
    report.docx.save("report.docx", ContentFile(b"PK docx"))
    report.annex.save("report-annex.xlsx", ContentFile(b"PK xlsx"))
    return report


@pytest.mark.parametrize(
    ("name", "suffix", "content_type"),
    [
        ("report_download", ".pdf", "application/pdf"),
        ("report_download_docx", ".docx", "wordprocessingml"),
        ("report_download_annex", ". Приложение.xlsx", "spreadsheetml"),
    ],
)
def test_download_is_named_after_the_report_title(
    login, coordinator, done_report, name, suffix, content_type
):
    response = login(coordinator).get(reverse(f"reports:{name}", args=[done_report.pk]))

    assert response.status_code == 200
    assert content_type in response["Content-Type"]
    header = response["Content-Disposition"]
    assert header.startswith('attachment; filename="report-')
    encoded = re.search(r"filename\*=UTF-8''(\S+)$", header).group(1)
    assert "/" not in encoded and "%2F" not in encoded
    assert unquote(encoded) == f"Муниципальный отчёт о мониторинге за 2025-2026{suffix}"


def test_list_offers_the_pdf_docx_and_annex_of_a_done_report(login, coordinator, done_report):
    page = login(coordinator).get(reverse("reports:report_list")).content.decode()

    for name in ("report_download", "report_download_docx", "report_download_annex"):
        assert reverse(f"reports:{name}", args=[done_report.pk]) in page
    status = login(coordinator).get(reverse("reports:report_status"), {"id": done_report.pk})
    labels = [d["label"] for d in status.json()["reports"][0]["downloads"]]
    assert labels == ["Скачать PDF", "DOCX", "Приложение (XLSX)"]


def test_rendering_stores_the_pdf_docx_and_annex(
    region, methodologist, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        report = report_order(kind="municipal", params={"period": region.pk}, by=methodologist)
    report.refresh_from_db()

    assert report.status == Report.Status.DONE, report.error
    assert report.file.name.endswith(".pdf") and report.docx.name.endswith(".docx")
    assert report.annex.name.endswith("-annex.xlsx")
    annex = openpyxl.load_workbook(report.annex.open("rb"))
    schools = [row[0] for row in annex.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert schools == ["МАОУ СОШ № 1", "МАОУ СОШ № 7"]


@pytest.mark.parametrize("name", ["report_download", "report_download_docx"])
def test_a_report_file_gone_from_the_storage_is_404_not_a_server_error(
    login, coordinator, done_report, name
):
    stored = done_report.file if name == "report_download" else done_report.docx
    stored.storage.delete(stored.name)

    response = login(coordinator).get(reverse(f"reports:{name}", args=[done_report.pk]))

    assert response.status_code == 404
