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


class _ReadOnly:
    """A workbook format the admin reads (through the one reader) but never writes: the
    portal's exports are XLSX and CSV."""

    reader_name = ""  # what the one reader is told the file is called: its extension

    @classmethod
    def is_available(cls):
        return True  # tablib's own format would need odfpy or xlwt, which it never uses

    def get_title(self):
        return self.reader_name.rsplit(".", 1)[-1]

    def get_extension(self):
        return self.get_title()

    def can_import(self):
        return True

    def can_export(self):
        return False

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream):
        try:
            return dataset_from_rows(read_rows(in_stream, self.reader_name))
        except SpreadsheetError as error:
            raise ValueError(str(error)) from error


class XLS(_ReadOnly, base_formats.XLS):
    """Excel 97–2003."""

    reader_name = "import.xls"


class ODS(_ReadOnly, base_formats.ODS):
    """OpenDocument: LibreOffice, МойОфис, Р7-Офис."""

    reader_name = "import.ods"


FORMATS = [XLSX, CSV, XLS, ODS]
