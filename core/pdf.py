from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from core.fetcher import BASE_URL, SafeURLFetcher

# Tagged PDF (structure tree, PDF/UA-1 identification): screen readers can follow it.
PDF_VARIANT = "pdf/ua-1"


def render_pdf(template_name: str, context: dict, *, subject: str = "") -> bytes:
    """Render a template to a tagged PDF; only our static and media files can be loaded.

    The document's title is the template's <title>; its author is the centre and its
    subject ``subject``, which templates print through ``pdf/_meta.html``.
    """
    html = render_to_string(
        template_name,
        {
            **context,
            "report_base_url": BASE_URL,
            "centre_name": settings.PORTAL_CENTRE_NAME,
            "pdf_author": settings.PORTAL_CENTRE_NAME,
            "pdf_subject": subject,
        },
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=SafeURLFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def attachment_disposition(name: str, *, fallback: str) -> str:
    """A Content-Disposition for a download named ``name`` (RFC 6266 / RFC 5987).

    A slash would cut the name in a browser (2025/2026 became 2026.pdf), so it becomes a
    hyphen; ``fallback`` is the plain ASCII name for clients that ignore ``filename*``.
    """
    cleaned = "".join("-" if c in "/\\" else c for c in name if c >= " " and c != "\x7f")
    cleaned = cleaned.strip().strip(".") or fallback
    ascii_name = "".join(c if c.isascii() and c not in '"\\' else "_" for c in fallback)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(cleaned, safe='')}"
