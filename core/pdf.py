from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from core.fetcher import BASE_URL, SafeURLFetcher


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to PDF; only our static and media files can be loaded."""
    html = render_to_string(
        template_name,
        {**context, "report_base_url": BASE_URL, "centre_name": settings.PORTAL_CENTRE_NAME},
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=SafeURLFetcher())
    return document.write_pdf()
