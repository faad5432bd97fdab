import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """All the text of a PDF, page after page."""
    assert content.startswith(b"%PDF"), "not a PDF"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)
