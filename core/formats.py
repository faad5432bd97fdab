"""Numbers as a Russian reader writes them."""

import re
from decimal import Decimal


def decimal_comma(number, *, places=None, empty="—") -> str:
    """«7», «91,5»: no trailing zeros, a comma for the point; ``places`` rounds first."""
    if number is None:
        return empty
    if places is not None:
        text = f"{float(number):.{places}f}".rstrip("0").rstrip(".")
    else:
        text = f"{Decimal(number).normalize():f}"
    return text.replace(".", ",")


NO_BREAK_SPACE = "\u00a0"
_NUMERO_SPACE = re.compile(r"№\s*(?=\S)")


def no_break_after_numero(text) -> str:
    """«Гимназия № 10» with a non-breaking space, so a line never ends at «№»."""
    return _NUMERO_SPACE.sub("№" + NO_BREAK_SPACE, text or "")
