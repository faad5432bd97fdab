"""The XLSX template of an import: Russian headers, allowed values, drop-down lists.

The first sheet has the columns an import reads, with a note on each header; the second
lists the allowed values, and each column with a list gets an Excel drop-down over it.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

TEMPLATE_ROWS = 2000


def template_workbook(*, columns, allowed: dict, free=(), formats=None) -> bytes:
    """``allowed`` maps a column key to its values; the keys in ``free`` allow other text too.

    ``formats`` maps a column key to Excel's number format for its cells: «@» keeps
    a personnel number 00123 as typed, «DD.MM.YYYY» shows a date as offices write it.
    """
    formats = formats or {}
    book = Workbook()
    data = book.active
    data.title = _("Data")
    values = book.create_sheet(_("Allowed values"))
    data.append([c.label for c in columns])
    for index, column in enumerate(columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font = Font(bold=True)
        if column.help:
            cell.comment = Comment(str(column.help), "ИМЦ")
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(14, len(column.label) + 4)
        if column.key in formats:
            data.column_dimensions[letter].number_format = formats[column.key]
    data.freeze_panes = "A2"
    list_column = 0
    for index, column in enumerate(columns, start=1):
        options = allowed.get(column.key)
        if not options:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        values.cell(row=1, column=list_column, value=column.label).font = Font(bold=True)
        for row, option in enumerate(options, start=2):
            values.cell(row=row, column=list_column, value=option)
        values.column_dimensions[list_letter].width = max(
            [len(column.label) + 2] + [len(str(o)) + 2 for o in options]
        )
        sheet_name = values.title.replace("'", "''")
        validation = DataValidation(
            type="list",
            formula1=f"'{sheet_name}'!${list_letter}$2:${list_letter}${len(options) + 1}",
            allow_blank=True,
            showErrorMessage=column.key not in free,
            errorTitle=_("Not in the list"),
            error=_("Choose a value from the list (sheet «%(sheet)s»).") % {"sheet": values.title},
            promptTitle=column.label,
            prompt=str(column.help)[:255] if column.help else None,
            showInputMessage=bool(column.help),
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
