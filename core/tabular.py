"""The one reader of every import: a sheet as a table of named columns, rows by Excel number.

Offices' files have a title (often merged cells) above the header, headers written in
their own way («Населенный пункт», «нас. пункт », «ФИО»), several sheets, and cells typed
as Excel types them. ``read_table`` finds the header row among the first rows of the
sheet, matches each header to a column of the import ignoring case, spaces, punctuation
and ё/е, with aliases, and keeps Excel's row number with every row. The cell readers
(``core.cells``) turn what a cell holds into text, numbers, dates, yes/no and choices.

The file itself is read by ``core.spreadsheets`` with its limits and bomb checks. What a
sheet holds is kept in the shared cache for a while under the file's digest: an import is
checked and then confirmed (two requests, maybe two processes) on the same file, which is
then parsed once.
"""

import hashlib
import logging
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.spreadsheets import SpreadsheetError, read_rows, sheet_names

HEADER_SCAN_ROWS = 15
# How long a sheet's cells are kept after a read: the time between the check and the import.
SHEET_KEPT_SECONDS = 30 * 60
log = logging.getLogger(__name__)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


class TableError(DomainError):
    """A file that cannot be read as the import's table: its message says why."""


def header_key(text) -> str:
    """A header as it is compared: lower case, «ё» as «е», no spaces or punctuation."""
    return _NOT_WORD.sub("", str(text or "").lower().replace("ё", "е"))


@dataclass(frozen=True)
class Column:
    """A column that an import reads: its key, its header in the template, its aliases."""

    key: str
    label: str
    aliases: tuple = ()
    required: bool = False
    help: str = ""

    @property
    def keys(self):
        return {header_key(self.label), *(header_key(alias) for alias in self.aliases)}


@dataclass
class Row:
    number: int  # the row's number in Excel
    cells: list


@dataclass
class Table:
    sheet: str
    sheets: list
    header_row: int  # Excel's number of the header row
    headers: list  # as written in the file
    at: dict  # column key → index of its cell
    rows: list = field(default_factory=list)

    def has(self, key) -> bool:
        return key in self.at

    def value(self, row: Row, key):
        index = self.at.get(key)
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]

    def header(self, key) -> str:
        """The column's header as the file writes it."""
        index = self.at.get(key)
        return "" if index is None else str(self.headers[index] or "").strip()


def is_blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _match(row, columns) -> dict:
    """Column key → cell index for the cells of a row that name a column."""
    by_key = {}
    for column in columns:
        for key in column.keys:
            by_key.setdefault(key, column.key)
    at = {}
    for index, cell in enumerate(row):
        key = by_key.get(header_key(cell))
        if key and key not in at:
            at[key] = index
    return at


def _header(rows, columns):
    """The Excel number of the row that names most columns (0 if none) and its matches."""
    best, best_at = 0, {}
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        at = _match(row, columns)
        if len(at) > len(best_at):
            best, best_at = number, at
    return best, best_at


def missing_columns(at, columns, alternatives=()) -> list[str]:
    """The labels of required columns that are not matched.

    ``alternatives`` are groups of keys of which any one will do, e.g. a full name in one
    column or the surname and name in their own: (("full_name",), ("last_name", "first_name")).
    """
    missing = [c.label for c in columns if c.required and c.key not in at]
    labels = {c.key: c.label for c in columns}
    if alternatives and not any(all(k in at for k in group) for group in alternatives):
        first = alternatives[-1]
        missing += [labels[k] for k in first if k not in at]
    return missing


def _sheet_rows(data: bytes, filename: str, sheet) -> list[list]:
    """``read_rows`` of the sheet, kept under the digest of the file's bytes (the same bytes
    always hold the same cells; an unreadable file is never kept, so it fails each time)."""
    kind = "csv" if filename.lower().endswith(".csv") else "xlsx"
    digest = hashlib.sha256(data if isinstance(data, bytes) else data.encode()).hexdigest()
    key = f"sheet:{digest}:{kind}:{hashlib.sha1(str(sheet).encode()).hexdigest()}"
    try:
        rows = cache.get(key)
    except Exception:  # a cache that is down only costs speed
        log.warning("sheet cache unavailable", exc_info=True)
        rows = None
    if rows is not None:
        return rows
    rows = read_rows(data, filename, sheet=sheet)
    try:
        cache.set(key, rows, SHEET_KEPT_SECONDS)
    except Exception:
        log.warning("sheet cache unavailable", exc_info=True)
    return rows


def read_table(*, data: bytes, filename: str, columns, sheet=None, alternatives=()) -> Table:
    """The import's table from the chosen sheet, or from the sheet that names most columns."""
    try:
        names = sheet_names(data, filename)
        candidates = [sheet] if sheet in names else names
        found = None
        for name in candidates:
            rows = _sheet_rows(data, filename, name or None)
            number, at = _header(rows, columns)
            if found is None or len(at) > len(found[2]):
                found = (name, rows, at, number)
    except SpreadsheetError as error:
        raise TableError(str(error)) from error
    name, rows, at, number = found
    if not any(any(not is_blank(c) for c in row) for row in rows):
        raise TableError(_("The file is empty."))
    if number == 0:  # no header names a column: take the first row that has any cell
        number = next(i for i, row in enumerate(rows, 1) if any(not is_blank(c) for c in row))
    missing = missing_columns(at, columns, alternatives)
    if missing:
        raise TableError(
            _(
                "No header row with the columns %(columns)s was found in the first %(rows)s "
                "rows of the sheet; check the column names against the template."
            )
            % {"columns": ", ".join(f"«{c}»" for c in missing), "rows": HEADER_SCAN_ROWS}
        )
    table = Table(
        sheet=name, sheets=names, header_row=number, headers=list(rows[number - 1]), at=at
    )
    for excel_number, cells in enumerate(rows[number:], start=number + 1):
        if all(is_blank(c) for c in cells):
            continue  # empty rows between blocks and Excel's formatted rows at the end
        table.rows.append(Row(excel_number, list(cells)))
    return table
