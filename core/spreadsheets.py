"""Spreadsheet formats for import and export, as Russian offices use them.

CSV arrives in UTF-8 or in Windows-1251 (what Russian Excel writes) and often
with ";" as the separator. On export, cells that a spreadsheet would run as a
formula (=, +, -, @) are prefixed with an apostrophe.
"""

import csv

from import_export.formats import base_formats

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
    raise ValueError("undecodable")  # cp1251 decodes nearly anything; kept for safety


class CSV(base_formats.CSV):
    """CSV in UTF-8 or Windows-1251, separated by commas or semicolons."""

    def is_binary(self):
        # Read raw bytes so that the encoding can be detected here, not assumed.
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode_text(in_stream) if isinstance(in_stream, bytes) else in_stream
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        try:
            return super(base_formats.TextFormat, self).create_dataset(
                text, delimiter=delimiter, **kwargs
            )
        except csv.Error as error:
            raise ValueError(str(error)) from error

    def export_data(self, dataset, **kwargs):
        # The byte-order mark makes Russian Excel read the file as UTF-8.
        return "\ufeff" + super().export_data(escape_dataset(dataset), **kwargs)


class XLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(escape_dataset(dataset), **kwargs)


FORMATS = [XLSX, CSV]
