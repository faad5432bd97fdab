"""The e-mails of the events app: one subject / text / html triplet per notice."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse


class Notice(models.TextChoices):
    CONFIRMED = "event_registration_confirmed"
    WAITLISTED = "event_registration_waitlisted"
    PROMOTED = "event_registration_promoted"
    CHANGED = "event_changed"
    CANCELLED = "event_cancelled"
    REMINDER = "event_reminder"


def recipient_of(registration) -> str:
    teacher = registration.teacher
    if teacher.user_id and teacher.user.email:
        return teacher.user.email
    return teacher.email


def absolute(path: str) -> str:
    """A full address for an e-mail."""
    return settings.PORTAL_BASE_URL + path


def send_notice(*, notice: Notice, registration) -> bool:
    """Send one notice about an event to one registered teacher; False if no address."""
    to = recipient_of(registration)
    if not to:
        return False
    event = registration.event
    context = {
        "notice": notice,
        "registration": registration,
        "event": event,
        "teacher": registration.teacher,
        "event_url": absolute(reverse("events:detail", args=[event.pk])),
        "my_url": absolute(reverse("events:my")),
        "centre_name": settings.PORTAL_CENTRE_NAME,
    }
    name = f"emails/{notice.value}"
    subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{name}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{name}.html", context), "text/html")
    message.send()
    return True
