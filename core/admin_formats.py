"""The spreadsheet formats of django-import-export's admin pages: read through the one
checked reader (core.spreadsheets), written as the portal's exports are (core.exports)."""

from django.utils.translation import gettext as _
from import_export.formats import base_formats

from core.exports import table_csv, table_workbook
from core.spreadsheets import SpreadsheetError, dataset_from_rows, read_rows


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
        # UTF-8 with a byte-order mark and ";": what Russian Excel opens right.
        return table_csv(headers=dataset.headers or [], rows=list(dataset)).decode("utf-8")


class XLSX(base_formats.XLSX):
    def create_dataset(self, in_stream):
        try:
            return dataset_from_rows(read_rows(in_stream, "import.xlsx"))
        except SpreadsheetError as error:
            raise ValueError(str(error)) from error

    def export_data(self, dataset, **kwargs):
        # Not tablib's writer: it names the sheet «Tablib Dataset» and types nothing.
        title = kwargs.get("title") or dataset.title or _("Data")
        return table_workbook(title=title, headers=dataset.headers or [], rows=list(dataset))


FORMATS = [XLSX, CSV]
