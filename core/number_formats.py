"""What a spreadsheet's number format does to the number shown: a percent format shows
the cell's number multiplied by 100 (0.48 as «48 %»), and imports read what is shown."""

import re
from decimal import Decimal

# What a number format shows literally: "quoted text", \x escapes, [colours], _x spacing.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def is_percent_format(code: str) -> bool:
    """Whether Excel shows a number in this format multiplied by 100 («0%», «0,0 %»)."""
    return "%" in _FORMAT_LITERALS.sub("", code or "")


def shown_as_percent(value):
    """A percent cell's number as Excel shows it: 0.48 → 48, 0.125 → 12.5."""
    shown = Decimal(repr(value)) * 100
    return int(shown) if shown == shown.to_integral_value() else float(shown)
