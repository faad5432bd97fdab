"""How every export writes a table: what Russian Excel opens well.

Russian headers in bold, frozen below the header and with an autofilter; dates as dates
and numbers as numbers; column widths that fit the content; a Russian sheet name. CSV
in UTF-8 with a byte-order mark and «;», numbers with a decimal comma.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import append_row, escape_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
MAX_WIDTH = 60
_BAD_TITLE = str.maketrans("", "", "[]:*?/\\")


def sheet_title(text, used=()) -> str:
    """A name Excel accepts for a sheet (31 characters, none of []:*?/\\), unique in ``used``."""
    base = (str(text or "").translate(_BAD_TITLE).strip() or _("Data"))[:31]
    title, n = base, 2
    while title in used:
        title, n = f"{base[:27]}_{n}", n + 1
    return title


def excel_value(value):
    """A value openpyxl writes with its type: aware datetimes made local, Decimals kept."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _shown_length(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max(len(line) for line in str(value).split("\n"))


def write_table(sheet, headers, rows, *, header_row=None) -> None:
    """Append a header and rows to the sheet, typed, frozen, filtered and fitted."""
    if header_row is None:
        empty = sheet.max_row == 1 and sheet["A1"].value is None
        header_row = 1 if empty else sheet.max_row + 1
    widths = [_shown_length(h) for h in headers]
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=header_row, column=column, value=escape_formula(header))
        cell.font = Font(bold=True)
    last = header_row
    for row in rows:
        last += 1
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=last, column=column, value=escape_formula(excel_value(value)))
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
            if column <= len(widths):
                widths[column - 1] = max(widths[column - 1], _shown_length(cell.value))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(8, width + 2))
    if headers:
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1).coordinate
        end = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{header_row}:{end}{max(last, header_row)}"


def table_workbook(*, title, headers, rows) -> bytes:
    """One sheet named ``title`` holding the table, as XLSX bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    write_table(sheet, headers, rows, header_row=1)
    return workbook_bytes(book)


def workbook_bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_value(value) -> str:
    value = excel_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return escape_formula(str(value))


def table_csv(*, headers, rows) -> bytes:
    """The table as CSV that Russian Excel opens right: UTF-8 with BOM, «;», decimal commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_value(h) for h in headers])
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def append_rows(sheet, rows):
    """Rows above a table (a title, a partnership's details): escaped and typed."""
    for row in rows:
        append_row(sheet, [excel_value(v) for v in row])
