"""A report loads our static and media files, and nothing else."""

import pytest
from pypdf import PdfReader

from core.fetcher import BASE_URL, RefusedURL, SafeURLFetcher
from core.pdf import render_pdf
from tests.pdf import pdf_text

REFUSED = [
    "file:///etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
    "https://example.org/logo.png",
    f"{BASE_URL}static/../../../../etc/passwd",
    f"{BASE_URL}media/../config/settings.py",
    f"{BASE_URL}etc/passwd",
    "data:text/plain;base64," + "A" * (300 * 1024),
]


@pytest.mark.parametrize("url", REFUSED, ids=lambda u: u[:40])
def test_fetcher_refuses(url):
    with pytest.raises(RefusedURL):
        SafeURLFetcher().fetch(url)


def test_fetcher_serves_our_static_files():
    response = SafeURLFetcher().fetch(f"{BASE_URL}static/css/report.css")

    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_fetcher_serves_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "photo.png").write_bytes(b"\x89PNG")

    response = SafeURLFetcher().fetch(f"{BASE_URL}media/evidence/photo.png")

    assert response.read() == b"\x89PNG"


def test_small_data_urls_still_work():
    response = SafeURLFetcher().fetch("data:text/plain;base64,0J/RgNC40LLQtdGC")

    assert response.read().decode() == "Привет"


def test_a_link_in_user_text_is_printed_not_fetched(tmp_path, caplog):
    """User text is escaped: a tag in it is text, and even a real tag would be refused."""
    from django.template import engines

    template = engines["django"].from_string(
        "<html><body><p>{{ text }}</p><img src='file:///etc/passwd'></body></html>"
    )
    html = template.render({"text": '<img src="http://169.254.169.254/">'})
    from weasyprint import HTML

    pdf_path = tmp_path / "out.pdf"
    HTML(string=html, base_url=BASE_URL, url_fetcher=SafeURLFetcher()).write_pdf(pdf_path)

    text = PdfReader(pdf_path).pages[0].extract_text()
    assert '<img src="http://169.254.169.254/">' in text
    refusals = [r.getMessage() for r in caplog.records if "RefusedURL" in r.getMessage()]
    assert any("file:///etc/passwd" in message for message in refusals)
    assert not any("169.254" in message for message in refusals), "the escaped tag was fetched"


def test_render_pdf_produces_a_pdf_with_cyrillic_text(db):
    from reports.document import Document, Paragraph, Section
    from tests.schools.factories import SchoolFactory

    school = SchoolFactory(short_name="Гимназия № 9")
    document = Document(
        title="Отчёт школы",
        centre="ИМЦ",
        sections=[Section("Школа", blocks=[Paragraph(str(school))])],
    ).numbered()
    content = render_pdf(
        "reports/pdf/document.html", {"title": document.title, "document": document}
    )

    text = pdf_text(content)
    assert "Отчёт школы" in text
    assert "Гимназия №\u00a09" in text
