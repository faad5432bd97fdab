"""The layout of indicator files: the two forms, their headers, and how a cell is read
(the file itself is read by ``core.spreadsheets.read_rows``).

Wide form: one row per school, one column per indicator code, for one period chosen on
upload. Long form: one row per value: school, indicator code, period, value (and, for a
share, optionally numerator and denominator). XLSX, or CSV in UTF-8 or Windows-1251.
A share may also be written "45/50" (numerator/denominator) in a cell, or, in the wide
form, have its numerator and denominator in columns «<name>: числитель» and
«<name>: знаменатель» beside its own (as the export writes it).
"""

from monitoring.services.indicators import Entry, to_decimal

SCHOOL = "Школа"
INDICATOR = "Показатель"
PERIOD = "Период"
VALUE = "Значение"
NUMERATOR = "Числитель"
DENOMINATOR = "Знаменатель"
LONG_HEADERS = [SCHOOL, INDICATOR, PERIOD, VALUE, NUMERATOR, DENOMINATOR]
WIDE, LONG = "wide", "long"


def part_header(name, part) -> str:
    """The wide form's header of a share's numerator or denominator column."""
    return f"{name}: {part.lower()}"


def split_part(header) -> tuple[str, str | None]:
    """A wide header as (the indicator's name or code, NUMERATOR / DENOMINATOR or None)."""
    for part in (NUMERATOR, DENOMINATOR):
        base, sep, tail = str(header).rpartition(":")
        if sep and normalized(tail) == normalized(part):
            return base.strip(), part
    return str(header), None


def normalized(text) -> str:
    """A name or header as it is compared: spaces collapsed, lower case, «ё» as «е»."""
    return " ".join(str(text or "").split()).lower().replace("ё", "е")


def is_blank(value) -> bool:
    return value is None or str(value).strip() == ""


def parse_cell(indicator, cell, numerator=None, denominator=None) -> Entry:
    """The entry a cell gives (with the numerator and denominator cells of the long form)."""
    if not is_blank(numerator) or not is_blank(denominator):
        return Entry(
            numerator=None if is_blank(numerator) else to_decimal(numerator),
            denominator=None if is_blank(denominator) else to_decimal(denominator),
        )
    text = str(cell).strip()
    if "/" in text and indicator.is_percent:
        num, _sep, den = text.partition("/")
        return Entry(numerator=to_decimal(num), denominator=to_decimal(den))
    return Entry(value=to_decimal(cell))
