"""Celery tasks: they take primary keys, load the rows and call the app's functions."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from events.models import Event, Registration
from events.notifications import Notice, send_notice
from events.services import event_fill_waitlist

# The notices are sent by tasks defined beside the services that enqueue them.
from events.services.notify import (  # noqa: F401
    in_portal,
    registrations_to_notify,
    send_event_notice,
    send_registration_notice,
)


@shared_task
def send_reminders() -> int:
    """Remind confirmed participants of tomorrow's events, once each (Celery beat)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    registrations = registrations_to_notify().filter(
        event__status=Event.Status.PUBLISHED,
        event__starts_at__date=tomorrow,
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
    )
    sent = 0
    for registration in registrations:
        with transaction.atomic():
            # Claim the reminder first, so that two runs never send it twice.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
        if claimed:
            in_portal(registration, Notice.REMINDER)
            sent += send_notice(notice=Notice.REMINDER, registration=registration)
    return sent


@shared_task
def fill_waitlists() -> int:
    """Give seats whose reservation has ended to the wait-listed (Celery beat)."""
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED,
        starts_at__gt=timezone.now(),
        registrations__status=Registration.Status.WAITLISTED,
    ).distinct()
    return sum(len(event_fill_waitlist(event=event)) for event in events)
