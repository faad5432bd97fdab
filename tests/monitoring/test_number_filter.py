"""Indicator values on the pages: counts without decimals, a comma for the point."""

from decimal import Decimal

import pytest

from monitoring.templatetags.numbers import number


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("3.00"), "3"), (Decimal("57.14"), "57,14"), (37.333333, "37,33"), (None, "—")],
)
def test_indicator_values_print_without_trailing_zeros(value, text):
    assert number(value) == text
