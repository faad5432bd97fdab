"""The participation certificate: an A4 PDF rendered by the project's one render_pdf."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from events.models import Certificate
from events.texts import absolute


def certificate_pdf(certificate: Certificate) -> bytes:
    registration = certificate.registration
    return render_pdf(
        "events/certificate_pdf.html",
        {
            "certificate": certificate,
            "registration": registration,
            "event": registration.event,
            "teacher": registration.teacher,
            "verify_url": absolute(reverse("events:verify")) + f"?code={certificate.code}",
        },
        subject=_("Certificate of participation in «%(event)s»")
        % {"event": registration.event.title},
    )
