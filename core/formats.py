"""Numbers as a Russian reader writes them."""

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
