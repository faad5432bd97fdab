"""The problems of an imported file, and the user's own file with an «Ошибка» column added.

Every import lists all the problems of a file at once: Excel's row number, the column's
header as the file writes it, the cell as the user sees it, and the Russian reason. The
same list comes back as a copy of the uploaded file with one more column, so that the
user fixes the rows there and uploads the file again.
"""

import contextlib
import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from core.spreadsheets import (
    append_row,
    check_xlsx,
    csv_delimiter,
    decode_text,
    is_csv,
    read_rows,
    text_encoding,
    workbook_kind,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MARK = PatternFill("solid", fgColor="FFF2CC")


@dataclass(frozen=True)
class Problem:
    row: int  # Excel's row number
    column: str  # the header as the file writes it; "" for the whole row
    value: str  # the cell as the user sees it; "" for an empty cell
    message: str

    def as_text(self) -> str:
        if self.column:
            return _("«%(column)s»: %(message)s") % {
                "column": self.column,
                "message": self.message,
            }
        return self.message


def sorted_problems(problems) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.row, p.column))


def _by_row(problems) -> dict[int, str]:
    texts = defaultdict(list)
    for problem in sorted_problems(problems):
        texts[problem.row].append(problem.as_text())
    # «x.; y.» reads badly: every reason but the last loses its full stop.
    return {
        row: "; ".join([part.removesuffix(".") for part in parts[:-1]] + parts[-1:])
        for row, parts in texts.items()
    }


def error_file_name(filename: str) -> str:
    path = Path(filename or "import.xlsx")
    suffix = path.suffix.lower() if path.suffix.lower() in (".csv", ".xlsx") else ".xlsx"
    return f"{path.stem}-ошибки{suffix}"


def error_file_response(*, data: bytes, filename: str, table, problems) -> HttpResponse:
    """The error file as a download named after the user's own (``table``: the sheet and
    header row the check read)."""
    content = error_file(
        data=data,
        filename=filename,
        sheet=table.sheet,
        header_row=table.header_row,
        problems=problems,
    )
    response = HttpResponse(content, content_type="text/csv" if is_csv(filename) else XLSX_TYPE)
    response["Content-Disposition"] = attachment_header(error_file_name(filename))
    return response


def attachment_header(name: str) -> str:
    """A download's Content-Disposition: the Cyrillic name for browsers (RFC 5987) and a
    plain one of the same kind for clients that read only that."""
    plain = "import.csv" if name.lower().endswith(".csv") else "import.xlsx"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


def error_file(*, data: bytes, filename: str, sheet: str, header_row: int, problems) -> bytes:
    """The uploaded file with an «Ошибка» column that gives each bad row its reasons."""
    texts = _by_row(problems)
    if is_csv(filename):
        return _csv_copy(data, header_row, texts)
    if workbook_kind(data, filename) == "xlsx":
        check_xlsx(data)
        book = load_workbook(io.BytesIO(data))
        worksheet = book[sheet] if sheet in book.sheetnames else book.active
    else:  # Excel 97–2003 or OpenDocument: its cells, in an XLSX of the same sheet's name
        book, worksheet = _workbook_of(read_rows(data, filename, sheet=sheet), sheet)
    column = worksheet.max_column + 1
    head = worksheet.cell(row=header_row, column=column, value=_("Error"))
    head.font = Font(bold=True)
    for row, message in texts.items():
        cell = worksheet.cell(row=row, column=column, value=message)
        cell.fill = _MARK
    letter = head.column_letter
    worksheet.column_dimensions[letter].width = min(
        80, max([12] + [len(m) for m in texts.values()])
    )
    book.active = book.worksheets.index(worksheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _workbook_of(rows, title):
    book = Workbook()
    worksheet = book.active
    with contextlib.suppress(ValueError):  # a character an XLSX sheet's name may not hold
        worksheet.title = title[:31] or worksheet.title
    for row in rows:
        append_row(worksheet, row)
    return book, worksheet


def _csv_copy(data, header_row, texts) -> bytes:
    raw = data if isinstance(data, str) else decode_text(data)
    delimiter = csv_delimiter(raw)
    rows = read_rows(data, "import.csv")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for number, row in enumerate(rows, start=1):
        extra = _("Error") if number == header_row else texts.get(number, "")
        writer.writerow(list(row) + [extra])
    # Written back as it came; text handed in as a str goes out as UTF-8.
    encoding = "utf-8-sig" if isinstance(data, str) else text_encoding(data)
    return buffer.getvalue().encode(encoding, errors="replace")
