"""The admin's own imports (partner organisations) read Excel 97–2003 and OpenDocument
files through the one reader too; the admin still exports XLSX and CSV only.

tests/files/partners.* were saved by LibreOffice from an XLSX of two organisations."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.admin_formats import FORMATS
from schools.models import PartnerOrganisation

FILES = Path(__file__).parent.parent / "files"
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


def format_index(title):
    return next(i for i, f in enumerate(FORMATS) if f().get_title() == title)


@pytest.mark.parametrize("title", ["xls", "ods"])
def test_partner_organisations_import_from_an_xls_or_ods(login, methodologist, title):
    client = login(methodologist)
    upload = SimpleUploadedFile(f"партнёры.{title}", (FILES / f"partners.{title}").read_bytes())

    preview = client.post(
        reverse("admin:schools_partnerorganisation_import"),
        {"import_file": upload, "format": format_index(title), "resource": 0},
    )

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Дом культуры «Юность»" in page
    hidden = dict(HIDDEN.findall(page))
    assert "import_file_name" in hidden
    done = client.post(
        reverse("admin:schools_partnerorganisation_process_import"), hidden, follow=True
    )
    assert done.status_code == 200
    assert sorted(PartnerOrganisation.objects.values_list("name", "kind")) == [
        ("Дом культуры «Юность»", "culture"),
        ("Краеведческий музей", "other"),
    ]


def test_the_admin_exports_only_xlsx_and_csv(login, methodologist):
    page = login(methodologist).get(reverse("admin:schools_partnerorganisation_export"))

    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page.content.decode())
    assert {"xlsx", "csv"} <= set(options)
    assert "xls" not in options and "ods" not in options


def test_an_unreadable_file_names_the_formats_that_are_read(login, methodologist):
    upload = SimpleUploadedFile("партнёры.ods", b"PK\x03\x04 not a workbook")

    response = login(methodologist).post(
        reverse("admin:schools_partnerorganisation_import"),
        {"import_file": upload, "format": format_index("ods"), "resource": 0},
    )

    assert "Сохраните его в формате XLSX, XLS, ODS или CSV" in response.content.decode()
    assert not PartnerOrganisation.objects.exists()
