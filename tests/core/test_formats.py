"""Numbers with a decimal comma, as the pages, charts and messages write them."""

from decimal import Decimal

import pytest

from core.formats import decimal_comma, no_break_after_numero


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (Decimal("7"), "7"),
        (Decimal("7.00"), "7"),
        (Decimal("91.50"), "91,5"),
        (Decimal("100"), "100"),
        (Decimal("1E+2"), "100"),
        (Decimal("0.05"), "0,05"),
        (12, "12"),
        (Decimal("-3.20"), "-3,2"),
    ],
)
def test_writes_a_comma_and_no_trailing_zeros(number, text):
    assert decimal_comma(number) == text


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (91.46, "91,5"),
        (Decimal("91.04"), "91"),
        (100.0, "100"),
        (0, "0"),
        (Decimal("12.26"), "12,3"),
    ],
)
def test_rounds_to_the_given_places_first(number, text):
    assert decimal_comma(number, places=1) == text


def test_a_missing_number_is_a_dash():
    assert decimal_comma(None) == "—"


def test_a_missing_number_may_be_written_otherwise():
    assert decimal_comma(None, empty="") == ""
    assert decimal_comma(None, places=1, empty="нет данных") == "нет данных"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Гимназия № 10", "Гимназия №\u00a010"),
        ("Гимназия №10", "Гимназия №\u00a010"),
        ("МАОУ «СОШ №  5»", "МАОУ «СОШ №\u00a05»"),
        ("Гимназия №\u00a010", "Гимназия №\u00a010"),
        ("Лицей", "Лицей"),
        ("", ""),
    ],
)
def test_numero_keeps_its_number_on_the_same_line(typed, shown):
    assert no_break_after_numero(typed) == shown
