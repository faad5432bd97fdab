"""Workbooks saved as Excel 97–2003 (.xls) or OpenDocument (.ods: LibreOffice, МойОфис,
Р7-Офис) are read as an XLSX is: the same rows, numbered as the office program numbers
them, percent cells as the numbers shown, dates as dates, every sheet by its name.

The files in tests/files were saved by LibreOffice from the XLSX the tests describe."""

import io
import zipfile
from pathlib import Path

import pytest

from core import cells
from core.spreadsheets import (
    SpreadsheetError,
    SpreadsheetTooLarge,
    read_rows,
    sheet_names,
    workbook_kind,
)

FILES = Path(__file__).parent.parent / "files"
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


def data(name):
    return (FILES / name).read_bytes()


@pytest.mark.parametrize("name", ["cells.xls", "cells.ods"])
def test_rows_values_percents_and_dates_read_as_in_the_xlsx(name):
    rows = read_rows(data(name), name)

    assert rows[0] == ["Список учителей школы"]
    assert rows[1] == []  # the empty row keeps its place: the header is row 3
    assert rows[2] == ["ФИО", "Дата рождения", "Доля", "Стаж", "Да/нет"]
    first, second = rows[3], rows[4]
    assert first[0] == "Иванова Анна Петровна"
    assert cells.date(first[1]).isoformat() == "1980-05-17"
    assert (first[2], second[2]) == (48, 12.5)  # «48 %» and «12,5 %» as shown
    assert (cells.number(first[3]), cells.number(second[3])) == (12, 3.5)
    assert cells.yes_no(first[4]) is True and cells.yes_no(second[4]) is False


@pytest.mark.parametrize("name", ["cells.xls", "cells.ods"])
def test_every_sheet_is_named_and_can_be_read(name):
    assert sheet_names(data(name), name) == ["Учителя", "Второй"]
    assert read_rows(data(name), name, sheet="Второй") == [["x"]]


@pytest.mark.parametrize(("name", "kind"), [("cells.xls", "xls"), ("cells.ods", "ods")])
def test_a_file_is_told_by_its_bytes_whatever_its_name(name, kind):
    assert workbook_kind(data(name), "таблица.xlsx") == kind
    assert read_rows(data(name), "таблица.xlsx") == read_rows(data(name), name)


@pytest.mark.parametrize(
    "content",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # an Excel 97–2003 header alone
        b"PK\x03\x04 not really a zip",
    ],
)
def test_a_broken_workbook_is_refused_with_a_message(content):
    with pytest.raises(SpreadsheetError, match="не читается как таблица"):
        read_rows(content, "таблица.xls")
    with pytest.raises(SpreadsheetError, match="не читается как таблица"):
        sheet_names(content, "таблица.xls")


def test_an_ods_that_unpacks_to_too_much_is_refused_unparsed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", b" " * (60 * 1024 * 1024))

    with pytest.raises(SpreadsheetTooLarge):
        read_rows(buffer.getvalue(), "таблица.ods")


def test_a_password_protected_workbook_is_refused_with_what_to_do():
    # An XLSX protected by a password in Excel (encrypted: a compound file, like an XLS).
    content = data("protected.xlsx")

    for read in (lambda: read_rows(content, "отчёт.xlsx"), lambda: sheet_names(content, "x")):
        with pytest.raises(SpreadsheetError, match="защищён паролем: сохраните его без пароля"):
            read()


def test_a_password_protected_ods_is_refused_with_what_to_do():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
        archive.writestr("content.xml", b"\x8f\x13 encrypted bytes")

    with pytest.raises(SpreadsheetError, match="защищён паролем"):
        read_rows(buffer.getvalue(), "таблица.ods")


@pytest.mark.parametrize(
    "content",
    [
        "<html><body><table><tr><td>ФИО</td></tr></table></body></html>".encode("cp1251"),
        b'\xef\xbb\xbf<?xml version="1.0"?><Workbook '
        b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
    ],
)
def test_a_web_page_or_xml_table_under_an_xls_name_says_how_to_save_it(content):
    for read in (lambda: read_rows(content, "выгрузка.xls"), lambda: sheet_names(content, "в.xls")):
        with pytest.raises(SpreadsheetError, match="сохраните как «Книга Excel»"):
            read()
