"""The one spreadsheet reader that every import uses."""

import io

import pytest
from openpyxl import Workbook

from core.spreadsheets import SpreadsheetError, dataset_from_rows, escape_formula, read_rows


def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_rows_come_as_values():
    data = _xlsx([["Школа", "Значение"], ["МАОУ СОШ № 6", 91.5]])

    assert read_rows(data, "показатели.xlsx") == [["Школа", "Значение"], ["МАОУ СОШ № 6", 91.5]]


def test_csv_in_windows_1251_with_semicolons_is_read():
    data = "Школа;Значение\r\nМАОУ СОШ № 6;91,5\r\n".encode("cp1251")

    assert read_rows(data, "показатели.CSV") == [["Школа", "Значение"], ["МАОУ СОШ № 6", "91,5"]]


def test_utf8_csv_with_a_byte_order_mark_loses_the_mark():
    data = "\ufeffШкола,Значение\nСОШ № 1,7\n".encode()

    assert read_rows(data, "a.csv")[0] == ["Школа", "Значение"]


def test_a_file_that_is_no_spreadsheet_is_refused_with_a_message():
    with pytest.raises(SpreadsheetError, match="XLSX, XLS, ODS или CSV"):
        read_rows(b"%PDF-1.4 not a table", "показатели.xlsx")


def test_dataset_pads_short_rows_and_drops_empty_ones():
    dataset = dataset_from_rows([["Фамилия", "Имя", None], ["Иванова", "Анна"], [None, "", None]])

    assert dataset.headers == ["Фамилия", "Имя", ""]
    assert list(dataset) == [("Иванова", "Анна", None)]


@pytest.mark.parametrize("value", ["=SUM(5,5)", "+7", "-1", "@cmd"])
def test_exported_formulas_are_escaped(value):
    assert escape_formula(value) == "'" + value


def _xlsx_formatted(cells):
    """One row of (value, number format) cells."""
    book = Workbook()
    for column, (value, number_format) in enumerate(cells, start=1):
        cell = book.active.cell(row=1, column=column, value=value)
        if number_format:
            cell.number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_percent_cells_read_as_the_numbers_excel_shows():
    data = _xlsx_formatted(
        [
            (0.48, "0%"),
            (0.125, "0.0%"),
            (0.07, "0.00%"),
            (1, "0%"),
            (0.5, "#,##0.0 %;[Red]-#,##0.0 %"),
            ("48 %", "0%"),  # text keeps its own percent sign
        ]
    )

    assert read_rows(data, "доли.xlsx") == [[48, 12.5, 7, 100, 50, "48 %"]]


def test_plain_numbers_and_literal_percent_signs_stay_as_typed():
    data = _xlsx_formatted(
        [(0.48, None), (0.125, "0.000"), (48, '0" %"'), (48, "0\\%"), (12.5, "General")]
    )

    assert read_rows(data, "числа.xlsx") == [[0.48, 0.125, 48, 48, 12.5]]
