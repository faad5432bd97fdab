import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import MAX_SIZE, UploadError, check_upload

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPG = b"\xff\xd8\xff\xe0" + b"\0" * 20


def _package(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(part, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("протокол.pdf", PDF),
        ("фото.PNG", PNG),
        ("фото.jpeg", JPG),
        ("фото.jpg", JPG),
        ("отчёт.docx", _package("word/document.xml")),
        ("таблица.xlsx", _package("xl/workbook.xml")),
    ],
)
def test_allowed_files_pass(name, content):
    check_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize("name", ["вирус.exe", "страница.html", "архив.zip", "без_расширения"])
def test_wrong_type_is_refused(name):
    with pytest.raises(UploadError, match="принимаются только PDF, DOCX, XLSX, JPG и PNG"):
        check_upload(SimpleUploadedFile(name, PDF))


def test_renamed_file_is_refused():
    with pytest.raises(UploadError, match="не является настоящим файлом PDF"):
        check_upload(SimpleUploadedFile("протокол.pdf", b"MZ\x90\x00 program"))
    with pytest.raises(UploadError, match="не является настоящим файлом DOCX"):
        check_upload(SimpleUploadedFile("отчёт.docx", _package("xl/workbook.xml")))


def test_empty_file_is_refused():
    with pytest.raises(UploadError, match="пуст"):
        check_upload(SimpleUploadedFile("протокол.pdf", b""))


def test_file_over_ten_megabytes_is_refused():
    big = SimpleUploadedFile("протокол.pdf", PDF + b"0" * (MAX_SIZE - len(PDF) + 1))
    with pytest.raises(UploadError, match="принимаются файлы до 10 МБ"):
        check_upload(big)
    check_upload(SimpleUploadedFile("протокол.pdf", PDF + b"0" * (MAX_SIZE - len(PDF))))
