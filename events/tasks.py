"""Celery tasks: they take primary keys, load the rows and call the app's functions."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .models import Event, Registration
from .notifications import Notice, send_notice
from .services import event_fill_waitlist


def _registrations():
    return Registration.objects.select_related("event", "teacher__user", "teacher__school")


# A mail server that does not answer is retried with growing pauses; SMTP errors are OSErrors.
RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def send_registration_notice(registration_id: int, notice: str) -> bool:
    """Tell one teacher about their registration (confirmed, wait-listed, promoted)."""
    registration = _registrations().filter(pk=registration_id).first()
    if registration is None:  # rolled back or deleted since
        return False
    return send_notice(notice=Notice(notice), registration=registration)


@shared_task
def send_event_notice(event_id: int, notice: str) -> int:
    """Tell everyone registered for an event that it changed or was cancelled.

    One task per participant, so that a failed address is retried alone.
    """
    Notice(notice)  # refuse an unknown notice here, not in every participant's task
    registrations = Registration.objects.active().filter(event_id=event_id)
    ids = list(registrations.values_list("pk", flat=True))
    for registration_id in ids:
        send_registration_notice.delay(registration_id, notice)
    return len(ids)


@shared_task
def send_reminders() -> int:
    """Remind confirmed participants of tomorrow's events, once each (Celery beat)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    registrations = _registrations().filter(
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
