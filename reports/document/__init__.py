"""A report as a document: numbered sections of paragraphs, tables and charts.

The PDF (HTML for WeasyPrint) and the DOCX are both written from one Document, so the two
copies hold the same headings and the same numbers.
"""

from reports.document.blocks import Approval, Chart, Document, Paragraph, Section, Table

__all__ = ["Approval", "Chart", "Document", "Paragraph", "Section", "Table"]
