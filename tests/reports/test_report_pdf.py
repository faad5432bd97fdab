"""The PDFs look like documents an office signs: A4, page numbers, embedded Cyrillic fonts."""

import io

from django.conf import settings
from pypdf import PdfReader

from reports.models import Report
from reports.services import report_render_now
from tests.pdf import pdf_text
from tests.schools.factories import SchoolFactory, TeacherFactory

A4 = (595, 842)  # points


def test_school_report_is_a4_with_page_numbers_and_embedded_cyrillic_fonts(db):
    school = SchoolFactory(short_name="Гимназия № 3")
    TeacherFactory.create_batch(60, school=school)

    content = report_render_now(kind=Report.Kind.SCHOOL, params={"school": school.pk})

    reader = PdfReader(io.BytesIO(content))
    pages = len(reader.pages)
    assert pages >= 3
    for page in reader.pages:
        width, height = (round(float(x)) for x in page.mediabox.upper_right)
        assert (width, height) == A4
    text = pdf_text(content)
    assert f"стр. 1 из {pages}" in text and f"стр. {pages} из {pages}" in text
    assert settings.PORTAL_CENTRE_NAME in text
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values()), f"not embedded: {fonts}"
    assert any("DejaVu" in name for name in fonts)


def test_long_tables_repeat_their_header_on_every_page(db):
    school = SchoolFactory()
    TeacherFactory.create_batch(80, school=school)

    content = report_render_now(kind=Report.Kind.SCHOOL, params={"school": school.pk})

    reader = PdfReader(io.BytesIO(content))
    continued = [p.extract_text() for p in reader.pages[2:]]
    assert continued and all("Учитель" in text and "Должность" in text for text in continued)
