"""The layout of indicator files: the two forms, their headers, and how a cell is read
(the file by ``core.tabular.read_table``, its cells by ``core.cells``).

Wide form: one row per school, one column per indicator (by code or, as the export writes
it, by name), for the period chosen on upload or given in a «Период» column. Long form:
one row per value: school, indicator code, period, value (and, for a share, optionally
numerator and denominator). XLSX, or CSV in UTF-8 or Windows-1251. A share may also be
written «45/50» (numerator/denominator) in a cell, or, in the wide form, have its
numerator and denominator in columns «<name>: числитель» and «<name>: знаменатель» beside
its own (as the export writes it).
"""

from django.utils.translation import gettext_lazy

from core import cells
from core.tabular import Column, header_key, is_blank
from monitoring.services.indicators import Entry

SCHOOL = "Школа"
INDICATOR = "Показатель"
PERIOD = "Период"
VALUE = "Значение"
NUMERATOR = "Числитель"
DENOMINATOR = "Знаменатель"
LONG_HEADERS = [SCHOOL, INDICATOR, PERIOD, VALUE, NUMERATOR, DENOMINATOR]
WIDE, LONG = "wide", "long"

# The columns that locate the header row (below any title rows) and the sheet. A wide
# file has the school (and perhaps the period) and a column per indicator beside them.
HEADER_COLUMNS = (
    Column(
        "school",
        SCHOOL,
        ("ОО", "Образовательная организация", "Наименование ОО", "Краткое наименование"),
        help=gettext_lazy("The school's short name as in the registry."),
    ),
    Column(
        "indicator",
        INDICATOR,
        ("Код показателя", "Код"),
        help=gettext_lazy("Long form: the indicator's code (or its name)."),
    ),
    Column(
        "period",
        PERIOD,
        ("Учебный год",),
        help=gettext_lazy("Such as 2025/2026; empty is the period chosen on upload."),
    ),
    Column(
        "value",
        VALUE,
        help=gettext_lazy(
            "A number («12,5» and numbers stored as text too); a share as a percent or as "
            "«passed/total», e.g. 45/50."
        ),
    ),
    Column(
        "numerator",
        NUMERATOR,
        help=gettext_lazy("A share's numerator, instead of the value."),
    ),
    Column(
        "denominator",
        DENOMINATOR,
        help=gettext_lazy("A share's denominator, instead of the value."),
    ),
)


def part_header(name, part) -> str:
    """The wide form's header of a share's numerator or denominator column."""
    return f"{name}: {part.lower()}"


def split_part(header) -> tuple[str, str | None]:
    """A wide header as (the indicator's name or code, NUMERATOR / DENOMINATOR or None)."""
    for part in (NUMERATOR, DENOMINATOR):
        base, sep, tail = str(header).rpartition(":")
        if sep and header_key(tail) == header_key(part):
            return base.strip(), part
    return str(header), None


def parse_cell(indicator, cell, numerator=None, denominator=None) -> Entry:
    """The entry a cell gives (with its numerator and denominator cells, if any).

    Raises ``core.cells.CellError`` with the Russian reason for a cell that is no number.
    """
    if not is_blank(numerator) or not is_blank(denominator):
        return Entry(numerator=cells.number(numerator), denominator=cells.number(denominator))
    text = cells.text(cell)
    if "/" in text and indicator.is_percent:
        num, _sep, den = text.partition("/")
        return Entry(numerator=cells.number(num), denominator=cells.number(den))
    return Entry(value=cells.number(cell))
