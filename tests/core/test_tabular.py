"""The one reader: header rows below titles, loose headers, and cells as Excel types them."""

import datetime
from decimal import Decimal

import pytest

from core import cells
from core.tabular import Column, TableError, header_key, read_table
from tests.schools.office_files import office_csv, office_xlsx

COLUMNS = (
    Column("settlement", "Населённый пункт", ("Нас. пункт",), required=True),
    Column("category", "Категория", required=True),
)


@pytest.mark.parametrize(
    "header", ["Населенный пункт", " населённый  ПУНКТ ", "Населённый пункт:", "Нас. пункт"]
)
def test_headers_match_ignoring_case_spaces_punctuation_and_yo(header):
    table = read_table(
        data=office_xlsx([header, "категория"], [["Тобольск", "ШНОР"]]),
        filename="f.xlsx",
        columns=COLUMNS,
    )
    assert table.header_row == 3
    assert table.header("settlement") == header.strip()
    assert [(r.number, table.value(r, "settlement")) for r in table.rows] == [(4, "Тобольск")]


def test_empty_rows_are_skipped_but_not_renumbered():
    data = office_xlsx(["Нас. пункт", "Категория"], [["А", "1"], ["Б", "2"]], blank_after=(0,))
    table = read_table(data=data, filename="f.xlsx", columns=COLUMNS)
    assert [r.number for r in table.rows] == [4, 6]


def test_a_cp1251_csv_with_a_title_row_is_read():
    data = office_csv(["Нас. пункт", "Категория"], [["Тобольск", "ШНОР"]])
    table = read_table(data=data, filename="f.csv", columns=COLUMNS)
    assert (table.header_row, table.value(table.rows[0], "category")) == (2, "ШНОР")


def test_a_missing_column_is_named():
    with pytest.raises(TableError, match="«Категория»"):
        read_table(data=office_xlsx(["Нас. пункт"], [["А"]]), filename="f.xlsx", columns=COLUMNS)


def test_header_key():
    assert header_key("E-mail") == header_key("email") == "email"
    assert header_key("Ф.И.О.") == "фио"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("да", True), ("Да ", True), ("+", True), (1, True), (True, True), ("нет", False)]
    + [("-", False), (0, False), (None, False), ("", False)],
)
def test_yes_no(value, expected):
    assert cells.yes_no(value) is expected


def test_yes_no_refuses_other_words():
    with pytest.raises(cells.CellError, match="Ожидалось «да» или «нет», получено «может»"):
        cells.yes_no("может")


def test_numbers_dates_and_text():
    assert cells.number("1 200,5") == Decimal("1200.5")
    assert cells.number(" 48 %") == Decimal("48")
    assert cells.text(12.0) == "12"
    assert cells.text("  Иванова   Анна ") == "Иванова Анна"
    assert cells.date(45901) == datetime.date(2025, 9, 1)
    assert cells.date("01.09.2025") == datetime.date(2025, 9, 1)
    assert cells.date(datetime.datetime(2025, 9, 1, 0, 0)) == datetime.date(2025, 9, 1)
    assert cells.shown(None) == ""
    assert cells.choice_key(" Высшая ") == cells.choice_key("высшая")


def test_a_file_checked_and_then_imported_is_parsed_once(monkeypatch):
    from core import tabular

    parsed = []
    original = tabular.read_rows

    def counting(data, filename, sheet=None):
        parsed.append(filename)
        return original(data, filename, sheet=sheet)

    monkeypatch.setattr(tabular, "read_rows", counting)
    data = office_xlsx(["Нас. пункт", "Категория"], [["Тобольск", "ШНОР"]])
    other = office_xlsx(["Нас. пункт", "Категория"], [["Ишим", "Лидер"]])

    check = read_table(data=data, filename="f.xlsx", columns=COLUMNS)
    confirm = read_table(data=data, filename="f.xlsx", columns=COLUMNS)
    different = read_table(data=other, filename="f.xlsx", columns=COLUMNS)

    assert len(parsed) == 2
    assert [confirm.value(r, "settlement") for r in confirm.rows] == ["Тобольск"]
    assert confirm.rows == check.rows and confirm.header_row == check.header_row
    assert [different.value(r, "settlement") for r in different.rows] == ["Ишим"]


def test_an_unreadable_file_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(TableError):
            read_table(data=b"PK\x03\x04 broken", filename="f.xlsx", columns=COLUMNS)
