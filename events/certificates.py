"""The participation certificate: an A4 PDF rendered by WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from events.models import Certificate
from events.notifications import absolute


def certificate_pdf(certificate: Certificate) -> bytes:
    registration = certificate.registration
    html = render_to_string(
        "events/certificate_pdf.html",
        {
            "certificate": certificate,
            "registration": registration,
            "event": registration.event,
            "teacher": registration.teacher,
            "centre_name": settings.PORTAL_CENTRE_NAME,
            "verify_url": absolute(reverse("events:verify")) + f"?code={certificate.code}",
        },
    )
    return HTML(string=html).write_pdf()
