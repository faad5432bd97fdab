"""Cells read as Excel types them: numbers stored as text, Excel dates, «да / + / 1».

Every reader takes what openpyxl or the CSV reader gives (str, int, float, datetime,
bool or None) and answers a Python value, or raises ``CellError`` with a Russian reason
that the import shows beside the cell.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

YES = {"да", "д", "yes", "y", "1", "true", "истина", "+", "v", "✓", "x", "х"}
NO = {"нет", "н", "no", "n", "0", "false", "ложь", "-", "—"}
_SPACES = re.compile(r"\s+")
_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


class CellError(ValueError):
    """A cell whose value the import cannot use; the message is the Russian reason."""


def shown(value) -> str:
    """A cell as the user sees it in Excel: empty for an empty cell, «12» for 12.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def text(value) -> str:
    """Text with its spaces collapsed; a whole number Excel stored as 12.0 reads «12»."""
    return _SPACES.sub(" ", shown(value)).strip()


def choice_key(value) -> str:
    """A choice as it is compared: «Высшая », «высшая» and «ВЫСШАЯ» are one."""
    return text(value).lower().replace("ё", "е").rstrip(".")


def choice(value, lookup: dict, *, allowed):
    """The value that ``lookup`` (keys made by ``choice_key``) gives for the cell."""
    key = choice_key(value)
    if key not in lookup:
        raise CellError(
            _("Unknown value «%(value)s»; allowed: %(allowed)s.")
            % {"value": text(value), "allowed": ", ".join(allowed)}
        )
    return lookup[key]


def yes_no(value, *, default=False) -> bool:
    """«да / нет», «+ / -», «1 / 0», a ticked box; an empty cell is the default."""
    if value is None or text(value) == "":
        return default
    if isinstance(value, bool):
        return value
    key = choice_key(value)
    if key in YES:
        return True
    if key in NO:
        return False
    raise CellError(_("Expected «да» or «нет», got «%(value)s».") % {"value": text(value)})


def number(value) -> Decimal | None:
    """A number written «12,5», «1 200» or «48 %», or typed as a number; empty is None."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise CellError(_("Expected a number, got «%(value)s».") % {"value": text(value)})
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    raw = text(value)
    if raw == "":
        return None
    cleaned = raw.replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        result = Decimal(cleaned)
    except InvalidOperation:
        result = None
    if result is None or not result.is_finite():  # «NaN» and «Infinity» are words here
        raise CellError(_("Expected a number, got «%(value)s».") % {"value": raw})
    return result


def date(value) -> datetime.date | None:
    """An Excel date, an Excel serial number, or «31.12.2025» / «2025-12-31»; empty is None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    is_serial = isinstance(value, int | float) and not isinstance(value, bool)
    if is_serial and 1 <= value < 2_958_466:
        return from_excel(value).date()
    raw = text(value)
    if raw == "":
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(_("Expected a date such as 31.12.2025, got «%(value)s».") % {"value": raw})
