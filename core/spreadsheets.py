"""The one spreadsheet reader for every import, and the formats of every export.

Files arrive as XLSX, or as CSV in UTF-8 or in Windows-1251 (what Russian Excel writes)
and often with ";" as the separator. A number in a percent format (0.48 shown as «48 %») is
read as the number Excel shows, 48. On export, cells that a spreadsheet would run as a
formula (=, +, -, @) are prefixed with an apostrophe.

A hostile file is refused before it is parsed: an XLSX is first checked as a ZIP (the
unpacked size, the compression ratio of each member, the number of members) and by the
dimension its sheets declare, read from the first bytes of each sheet; rows and columns
are counted while reading. XML entities are refused by defusedxml, which openpyxl uses
when it is installed.
"""

import csv
import io
import re
import zipfile

import tablib
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

from core import office_sheets
from core.errors import DomainError
from core.number_formats import is_percent_format, shown_as_percent

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CSV_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 500
MAX_COMPRESSION_RATIO = 100
# Small members (styles, an empty sheet) may compress far better than 100:1 harmlessly.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
# <dimension> sits right after <sheetPr> at the top of a sheet; no need to read further.
DIMENSION_SCAN_BYTES = 64 * 1024
DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?[\"']")


class SpreadsheetError(DomainError):
    """A file that cannot be read as a table."""


class SpreadsheetTooLarge(SpreadsheetError):
    """A file refused unparsed for passing a limit: its message says which."""


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def append_row(sheet, values):
    """Append a row to an openpyxl sheet; the one way every XLSX export writes its cells."""
    sheet.append([escape_formula(value) for value in values])


def escape_dataset(dataset):
    rows = [[escape_formula(cell) for cell in row] for row in dataset]
    dataset.headers = [escape_formula(h) for h in dataset.headers or []]
    del dataset[:]
    for row in rows:
        dataset.append(row)
    return dataset


def _unreadable(error=None):
    if isinstance(error, office_sheets.Protected):
        return SpreadsheetError(
            _(
                "The file is protected by a password: save it without the password "
                "and upload it again."
            )
        )
    return SpreadsheetError(_("The file cannot be read as a spreadsheet (XLSX, XLS, ODS or CSV)."))


def text_encoding(data: bytes) -> str:
    """How a CSV file is written: UTF-16 with its byte-order mark (Excel's «Текст Юникод»),
    UTF-8 (with or without one), else Windows-1251, what Russian Excel writes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8-sig"


def decode_text(data: bytes) -> str:
    try:
        return data.decode(text_encoding(data))
    except UnicodeDecodeError as error:
        raise _unreadable() from error


def _too_many_rows():
    return SpreadsheetTooLarge(
        _("The file has more than %(limit)s rows; split it into several files.")
        % {"limit": f"{MAX_ROWS:,}".replace(",", "\u00a0")}
    )


def _too_many_columns():
    return SpreadsheetTooLarge(
        _("The file has more than %(limit)s columns; remove the columns the import does not use.")
        % {"limit": MAX_COLUMNS}
    )


def _limited(rows):
    """The rows, refusing the table as soon as it passes MAX_ROWS or MAX_COLUMNS."""
    result = []
    for row in rows:
        if len(result) == MAX_ROWS:
            raise _too_many_rows()
        row = list(row)
        if len(row) > MAX_COLUMNS:
            if any(cell not in (None, "") for cell in row[MAX_COLUMNS:]):
                raise _too_many_columns()
            row = row[:MAX_COLUMNS]
        result.append(row)
    return result


def _trimmed(row):
    while row and row[-1] is None:
        row.pop()
    return row


def csv_delimiter(text: str) -> str:
    """ ",", ";" or a tab: whichever the first lines use most (a title row may have none;
    Excel's «Текст Юникод» separates by tabs)."""
    head = "\n".join(text.split("\n", 10)[:10])
    return max([",", ";", "\t"], key=head.count)


def _csv_rows(text: str) -> list[list]:
    delimiter = csv_delimiter(text)
    try:
        return _limited(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise _unreadable() from error


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _declared_size(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """Rows and columns a sheet declares in <dimension>, from its first bytes only."""
    with archive.open(member) as stream:
        head = stream.read(DIMENSION_SCAN_BYTES)
    match = DIMENSION.search(head)
    if not match:
        return 0, 0
    first_col, first_row, last_col, last_row = match.groups()
    if last_col is None:
        return 1, 1
    rows = int(last_row) - int(first_row) + 1
    columns = _column_number(last_col) - _column_number(first_col) + 1
    return rows, columns


def check_xlsx(data: bytes) -> None:
    """Refuse an XLSX whose ZIP or declared sheet size passes the limits, unparsed."""
    check_zip(data, sheets="xl/worksheets/")


def check_zip(data: bytes, sheets=None) -> None:
    """Refuse a zipped workbook (XLSX, ODS) whose ZIP passes the limits, unparsed, and an
    XLSX whose sheets (the members under ``sheets``) declare too many rows or columns."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise _unreadable() from error
    with archive:
        members = archive.infolist()
        too_large = SpreadsheetTooLarge(
            _("The file unpacks to more than %(limit)s MB; it cannot be imported.")
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
        if len(members) > MAX_MEMBERS:
            raise SpreadsheetTooLarge(_("The file has too many parts to be a spreadsheet."))
        # zipfile stops every member at its declared size, so the sum bounds the work.
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise too_large
        for member in members:
            if (
                member.file_size >= RATIO_CHECKED_FROM_BYTES
                and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
            ):
                raise SpreadsheetTooLarge(
                    _(
                        "A part of the file is compressed more than %(ratio)s to 1, "
                        "as a ZIP bomb is; it cannot be imported."
                    )
                    % {"ratio": MAX_COMPRESSION_RATIO}
                )
        for member in members:
            if sheets and member.filename.startswith(sheets) and member.filename.endswith(".xml"):
                try:
                    rows, columns = _declared_size(archive, member)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
                    raise _unreadable() from error
                if rows > MAX_ROWS:
                    raise _too_many_rows()
                if columns > MAX_COLUMNS:
                    raise _too_many_columns()


def is_csv(filename: str) -> bool:
    return filename.lower().endswith(".csv")


def workbook_kind(data, filename: str) -> str:
    """ "csv" by the name; else "xls" or "ods" by the bytes, whatever the name; else "xlsx"."""
    if is_csv(filename):
        return "csv"
    return office_sheets.office_kind(data) or "xlsx"


# What a web page or an «XML Spreadsheet 2003» starts with: accounting programs export
# either under an .xls name.
_MARKUP_STARTS = (b"<html", b"<!doctype html", b"<?xml", b"<table", b"<meta")


def _refuse_markup(data):
    head = bytes(data[:1024]).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_MARKUP_STARTS):
        raise SpreadsheetError(
            _(
                "The file is a web page or an XML table saved under a spreadsheet's name, as "
                "accounting programs export them: open it in Excel or LibreOffice and save it "
                "as an Excel workbook (.xlsx)."
            )
        )


def _office(read, data, kind, *args):
    """``read`` of core.office_sheets on a checked file, its refusal in Russian."""
    if kind == "ods":
        check_zip(data)
    try:
        return read(data, kind, *args)
    except office_sheets.Unreadable as error:
        raise _unreadable(error) from error


def _office_rows(data, kind, sheet):
    rows = _office(office_sheets.read_rows, data, kind, sheet)
    while rows and all(value is None for value in rows[-1]):
        rows.pop()  # blank rows that only carry a format
    return [_trimmed(row) for row in _limited(rows)]


def sheet_names(data: bytes, filename: str) -> list[str]:
    """The names of the workbook's sheets (one unnamed sheet for a CSV file)."""
    kind = workbook_kind(data, filename)
    if kind == "csv":
        return [""]
    if kind != "xlsx":
        return _office(office_sheets.sheet_names, data, kind)
    _refuse_markup(data)
    check_xlsx(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return list(book.sheetnames)
        finally:
            book.close()
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise _unreadable() from error


def _percent_styles(book) -> frozenset:
    """The workbook's cell styles (by index) whose number format is a percent.

    openpyxl keeps them in the workbook's style table, which read-only cells index.
    """
    styles = set()
    custom = book._number_formats
    for index, style in enumerate(book._cell_styles):
        number_format = style.numFmtId
        if number_format < BUILTIN_FORMATS_MAX_SIZE:
            code = BUILTIN_FORMATS.get(number_format, "")
        else:
            code = custom[number_format - BUILTIN_FORMATS_MAX_SIZE]
        if is_percent_format(code):
            styles.add(index)
    return frozenset(styles)


def _percents_shown(rows, percent):
    """Rows of cells as rows of values, percent cells as the numbers Excel shows."""
    for row in rows:
        values = []
        for cell in row:
            value = cell.value
            if (
                cell.data_type == "n"
                and value is not None
                and not isinstance(value, bool)
                and cell._style_id in percent
            ):
                value = shown_as_percent(value)
            values.append(value)
        yield values


def read_rows(data: bytes, filename: str, sheet: str | None = None) -> list[list]:
    """A sheet (the first unless named) as rows of cell values, as Excel numbers them."""
    if len(data) > MAX_CSV_BYTES and filename.lower().endswith(".csv"):
        raise SpreadsheetTooLarge(
            _("The CSV file is larger than %(limit)s MB; it cannot be imported.")
            % {"limit": MAX_CSV_BYTES // (1024 * 1024)}
        )
    if filename.lower().endswith(".csv"):
        return _csv_rows(data if isinstance(data, str) else decode_text(data))
    kind = workbook_kind(data, filename)
    if kind != "xlsx":
        return _office_rows(data, kind, sheet)
    _refuse_markup(data)
    check_xlsx(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book[sheet] if sheet in book.sheetnames else book.active
            # A declared width (checked above) pads rows as before; without one, rows are
            # cut one past the limit and their padding dropped, so nothing wider is built.
            declared = sheet.max_column
            # A file with no percent format (most) is read as values alone, which is faster.
            percent = _percent_styles(book)
            rows = sheet.iter_rows(
                max_row=MAX_ROWS + 1,
                max_col=declared or MAX_COLUMNS + 1,
                values_only=not percent,
            )
            if percent:
                rows = _percents_shown(rows, percent)
            if declared:
                return _limited(rows)
            return [_trimmed(row) for row in _limited(rows)]
        finally:
            book.close()
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise _unreadable() from error


def dataset_from_rows(rows: list[list]) -> tablib.Dataset:
    """A tablib dataset for django-import-export: the first row is the header."""
    dataset = tablib.Dataset()
    if not rows:
        return dataset
    headers = ["" if cell is None else cell for cell in rows[0]]
    width = len(headers)
    dataset.headers = headers
    for row in rows[1:]:
        if all(cell is None or str(cell).strip() == "" for cell in row):
            continue  # Excel keeps formatted empty rows at the end of a sheet
        dataset.append((list(row) + [None] * width)[:width])
    return dataset
