"""The e-mails of the events app: one subject / text / html triplet per notice."""

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from events.ical import calendar_bytes
from events.models import Event, Registration
from events.texts import absolute, event_location, greeting, portal_domain, time_span


class Notice(models.TextChoices):
    CONFIRMED = "event_registration_confirmed"
    WAITLISTED = "event_registration_waitlisted"
    PROMOTED = "event_registration_promoted"
    CHANGED = "event_changed"
    CANCELLED = "event_cancelled"
    REMINDER = "event_reminder"


# The notices after which the event belongs in the teacher's calendar.
WITH_CALENDAR_FILE = {Notice.CONFIRMED, Notice.PROMOTED, Notice.CHANGED}


def recipient_of(registration) -> str:
    teacher = registration.teacher
    if teacher.user_id and teacher.user.email:
        return teacher.user.email
    return teacher.email


def _shown(key, value) -> str:
    """An old or new value from the outbox as the letter shows it."""
    if key == "time":
        return time_span(*map(datetime.fromisoformat, value))
    if key == "format" and value in Event.Format.values:
        return str(Event.Format(value).label)
    return value or "—"


def change_lines(changes, *, with_link: bool) -> list[dict]:
    """``{what: [old, new]}`` from the outbox as rows «what: old → new» for a letter."""
    labels = {
        "time": _("Time"),
        "place": _("Place"),
        "format": _("Format"),
        "link": _("Online link"),
    }
    rows = []
    for key, label in labels.items():
        if key not in (changes or {}):
            continue
        if key == "link" and not with_link:  # the link is for confirmed participants only
            rows.append({"label": label, "old": "", "new": _("changed")})
            continue
        old, new = changes[key]
        rows.append({"label": label, "old": _shown(key, old), "new": _shown(key, new)})
    return rows


def send_notice(*, notice: Notice, registration, changes=None) -> bool:
    """Send one notice about an event to one registered teacher; False if no address."""
    to = recipient_of(registration)
    if not to:
        return False
    event = registration.event
    confirmed = registration.status == Registration.Status.CONFIRMED
    context = {
        "notice": notice,
        "registration": registration,
        "event": event,
        "teacher": registration.teacher,
        "greeting": greeting(registration.teacher),
        "when": time_span(event.starts_at, event.ends_at),
        "where": event_location(event),
        "changes": change_lines(changes, with_link=confirmed),
        "event_url": absolute(reverse("events:detail", args=[event.pk])),
        "my_url": absolute(reverse("events:my")),
        "centre_name": settings.PORTAL_CENTRE_NAME,
    }
    name = f"emails/{notice.value}"
    subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{name}.txt", context),
        to=[to],
        headers={"Message-ID": make_msgid(domain=portal_domain())},
    )
    message.attach_alternative(render_to_string(f"{name}.html", context), "text/html")
    if notice in WITH_CALENDAR_FILE and confirmed:
        filename = slugify(event.title) or f"event-{event.pk}"
        body = calendar_bytes([event], name=event.title, with_links=True)
        message.attach(f"{filename}.ics", body.decode(), "text/calendar")
    message.send()
    return True
