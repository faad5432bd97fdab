"""Workbooks in the other formats offices save: Excel 97–2003 (.xls) and OpenDocument
(.ods: LibreOffice, МойОфис, Р7-Офис).

Both are read into the same rows of values as an XLSX (``core.spreadsheets``): text,
numbers, dates, yes/no, None for an empty cell, a sheet's rows numbered from its first
row as the office program numbers them, and a number in a percent format as the number
shown (0.48 shown as «48 %» is 48). Excel 97–2003 is read by xlrd, which knows each
cell's number format; OpenDocument by calamine, and its percent cells are found in the
sheet's XML, where each cell names its value type.

A file is told by its bytes, not its name: an office renames files freely.
"""

import io
import zipfile

import xlrd
from defusedxml.ElementTree import iterparse
from python_calamine import CalamineWorkbook

from core.number_formats import is_percent_format, shown_as_percent

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003's compound file
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class Unreadable(Exception):
    """The file is not a workbook of its kind (``core.spreadsheets`` says so in Russian)."""


class Protected(Unreadable):
    """The workbook is encrypted with a password: no reader opens it without one."""


# A password-protected XLSX is an encrypted package inside a compound file, as an XLS is.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def office_kind(data: bytes) -> str | None:
    """ "xls" or "ods" by the file's bytes; None for anything else (XLSX among them)."""
    if data.startswith(OLE_SIGNATURE):
        return "xls"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                # Read only a member of the mimetype's size: the ZIP is not checked yet.
                member = archive.getinfo("mimetype")
                small = member.file_size <= 2 * len(ODS_MIMETYPE)
                if small and archive.read(member).strip() == ODS_MIMETYPE:
                    return "ods"
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            return None
    return None


def _refuse_protected(data, kind, error=None):
    if kind == "xls" and (_ENCRYPTED_PACKAGE in data or "encrypted" in str(error or "")):
        raise Protected from error
    if kind == "ods" and b"encryption-data" in _manifest(data):
        raise Protected from error


def _manifest(data) -> bytes:
    """An OpenDocument's list of parts, which names the encryption of each encrypted one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = archive.getinfo("META-INF/manifest.xml")
            return archive.read(member) if member.file_size < 1024 * 1024 else b""
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return b""


def sheet_names(data: bytes, kind: str) -> list[str]:
    return _opened(data, kind, lambda book: _names(book, kind))


def read_rows(data: bytes, kind: str, sheet: str | None) -> list[list]:
    """The sheet (the first unless named) as rows of values, empty cells as None. The
    caller bounds the file first (an Excel 97–2003 sheet holds 65,536 rows at most; an
    OpenDocument's unpacked size is checked as an XLSX's is)."""

    def rows(book):
        names = _names(book, kind)
        index = names.index(sheet) if sheet in names else 0
        if kind == "xls":
            return _xls_rows(book, index)
        return _ods_rows(book, data, index)

    return _opened(data, kind, rows)


def _opened(data, kind, read):
    """``read(book)`` of the workbook opened once; Protected or Unreadable if it fails."""
    _refuse_protected(data, kind)
    try:
        if kind == "xls":
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        else:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return read(book)
    except Exception as error:  # either reader raises many kinds for a broken file
        _refuse_protected(data, kind, error)
        raise Unreadable from error


def _names(book, kind):
    return book.sheet_names() if kind == "xls" else list(book.sheet_names)


def _xls_rows(book, index):
    sheet = book.sheet_by_index(index)
    percent = {}  # by the cell's format record: whether it shows a percent

    def value(row, column):
        cell = sheet.cell(row, column)
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(cell.value, "#ERROR")
        if cell.ctype == xlrd.XL_CELL_NUMBER:
            xf = sheet.cell_xf_index(row, column)
            if xf not in percent:
                shown = book.format_map.get(book.xf_list[xf].format_key)
                percent[xf] = is_percent_format(shown.format_str if shown else "")
            return shown_as_percent(cell.value) if percent[xf] else cell.value
        return cell.value

    return [[value(r, c) for c in range(sheet.row_len(r))] for r in range(sheet.nrows)]


def _ods_rows(book, data, index):
    sheet = book.get_sheet_by_index(index)
    # From the sheet's first row and column, so that rows keep their numbers.
    cells = sheet.to_python(skip_empty_area=False)
    rows = [[None if value == "" else value for value in row] for row in cells]
    width = max((len(row) for row in rows), default=0)
    for row, column in _ods_percent_cells(data, index, len(rows), width):
        if row < len(rows) and column < len(rows[row]):
            value = rows[row][column]
            if isinstance(value, int | float) and not isinstance(value, bool):
                rows[row][column] = shown_as_percent(value)
    return rows


def _ods_percent_cells(data, index, height, width):
    """(row, column) of the sheet's cells whose value type is a percentage, counted as
    the sheet's XML repeats rows and cells (trailing blanks are repeated by the thousand)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as xml:
        content = xml.read()
    if b'value-type="percentage"' not in content:
        return
    table, row = -1, 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        if element.tag == f"{_TABLE}table" and event == "start":
            table, row = table + 1, 0
        if table != index or event != "end" or element.tag != f"{_TABLE}table-row":
            if event == "end" and element.tag == f"{_TABLE}table":
                element.clear()
            continue
        repeated = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
        column = 0
        for cell in element:
            columns = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
            if cell.get(f"{_OFFICE}value-type") == "percentage":
                for r in range(row, min(row + repeated, height)):
                    for c in range(column, min(column + columns, width)):
                        yield r, c
            column += columns
        row += repeated
        element.clear()
