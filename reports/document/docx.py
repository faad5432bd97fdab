"""The editable copy: the same Document written as DOCX with python-docx."""

import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from reports.document.blocks import Approval, Chart, Document, Paragraph, Table


def document_docx(document: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = document.title
    word.core_properties.author = document.centre
    word.core_properties.language = "ru-RU"
    style = word.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    if document.approval:
        _approval(word, document.approval)
    centre = word.add_paragraph(document.centre.upper())
    centre.alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_heading(document.title, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in document.subtitle:
        word.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_page_break()
    for section in document.sections:
        word.add_heading(f"{section.number}. {section.title}", level=1)
        _blocks(word, section.blocks)
        for sub in section.subsections:
            word.add_heading(f"{sub.number}. {sub.title}", level=2)
            _blocks(word, sub.blocks)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _approval(word, approval: Approval):
    table = word.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    year = approval.signed_on.year if approval.signed_on else ""
    if approval.agree_position or approval.agree_name:
        left.text = "\n".join(
            [
                _("AGREED"),
                approval.agree_position,
                f"________________ {approval.agree_name}",
                f"«____» ______________ {year} {_('yr.')}",
            ]
        )
    signed = date_format(approval.signed_on, "d.m.Y") if approval.signed_on else "«____» ______"
    right.text = "\n".join(
        [
            _("APPROVED"),
            approval.approve_position,
            f"________________ {approval.approve_name}",
            signed,
        ]
    )


def _blocks(word, blocks):
    for block in blocks:
        if isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Chart):
            _table(word, block.table)  # the drawing stays in the PDF; its numbers come here
        elif isinstance(block, Paragraph):
            word.add_paragraph(block.text)


def _table(word, table: Table):
    grid = word.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for index, row in enumerate(table.rows):
        cells = grid.add_row().cells
        if index in table.group_rows:
            merged = cells[0].merge(cells[-1])
            merged.text = str(row[0])
            for run in merged.paragraphs[0].runs:
                run.bold = True
            continue
        for column, (cell, value) in enumerate(zip(cells, row, strict=False)):
            cell.text = str(value)
            if column in table.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    word.add_paragraph()
