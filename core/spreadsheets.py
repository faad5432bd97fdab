"""The one spreadsheet reader for every import, and the formats of every export.

Files arrive as XLSX, or as CSV in UTF-8 or in Windows-1251 (what Russian Excel writes)
and often with ";" as the separator. On export, cells that a spreadsheet would run as a
formula (=, +, -, @) are prefixed with an apostrophe.
"""

import csv
import io

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from openpyxl import load_workbook

from core.errors import DomainError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(DomainError):
    """A file that cannot be read as a table."""


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def escape_dataset(dataset):
    rows = [[escape_formula(cell) for cell in row] for row in dataset]
    dataset.headers = [escape_formula(h) for h in dataset.headers or []]
    del dataset[:]
    for row in rows:
        dataset.append(row)
    return dataset


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_("The file cannot be read as XLSX or CSV."))


def _csv_rows(text: str) -> list[list]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise SpreadsheetError(_("The file cannot be read as XLSX or CSV.")) from error


def read_rows(data: bytes, filename: str) -> list[list]:
    """The first sheet as rows of cell values (the first row holds the headers)."""
    if filename.lower().endswith(".csv"):
        return _csv_rows(data if isinstance(data, str) else decode_text(data))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise SpreadsheetError(_("The file cannot be read as XLSX or CSV.")) from error
    try:
        return [list(row) for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()


def dataset_from_rows(rows: list[list]) -> tablib.Dataset:
    """A tablib dataset for django-import-export: the first row is the header."""
    dataset = tablib.Dataset()
    if not rows:
        return dataset
    headers = ["" if cell is None else cell for cell in rows[0]]
    width = len(headers)
    dataset.headers = headers
    for row in rows[1:]:
        if all(cell is None or str(cell).strip() == "" for cell in row):
            continue  # Excel keeps formatted empty rows at the end of a sheet
        dataset.append((list(row) + [None] * width)[:width])
    return dataset


class CSV(base_formats.CSV):
    """CSV in UTF-8 or Windows-1251, separated by commas or semicolons."""

    def is_binary(self):
        # Read raw bytes so that the encoding can be detected here, not assumed.
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        try:
            return dataset_from_rows(read_rows(in_stream, "import.csv"))
        except SpreadsheetError as error:
            raise ValueError(str(error)) from error

    def export_data(self, dataset, **kwargs):
        # The byte-order mark makes Russian Excel read the file as UTF-8.
        return "\ufeff" + super().export_data(escape_dataset(dataset), **kwargs)


class XLSX(base_formats.XLSX):
    def create_dataset(self, in_stream):
        try:
            return dataset_from_rows(read_rows(in_stream, "import.xlsx"))
        except SpreadsheetError as error:
            raise ValueError(str(error)) from error

    def export_data(self, dataset, **kwargs):
        return super().export_data(escape_dataset(dataset), **kwargs)


FORMATS = [XLSX, CSV]
