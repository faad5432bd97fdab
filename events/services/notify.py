"""The e-mails of a change: enqueued once its transaction commits, sent by a worker.

The tasks live beside the functions that enqueue them, so that services never import
``events.tasks`` (which imports the services). They keep the names they were first
registered under, so messages queued before a deploy still find them.
"""

from functools import partial

from celery import shared_task
from django.db import transaction

from events.models import Registration
from events.notifications import Notice, send_notice

# A mail server that does not answer is retried with growing pauses; SMTP errors are OSErrors.
RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


def notify_registration(registration_id: int, notice: Notice) -> None:
    transaction.on_commit(partial(send_registration_notice.delay, registration_id, notice.value))


def notify_event(event_id: int, notice: Notice) -> None:
    transaction.on_commit(partial(send_event_notice.delay, event_id, notice.value))


def registrations_to_notify():
    return Registration.objects.select_related("event", "teacher__user", "teacher__school")


@shared_task(name="events.tasks.send_registration_notice", **RETRY)
def send_registration_notice(registration_id: int, notice: str) -> bool:
    """Tell one teacher about their registration (confirmed, wait-listed, promoted)."""
    registration = registrations_to_notify().filter(pk=registration_id).first()
    if registration is None:  # rolled back or deleted since
        return False
    return send_notice(notice=Notice(notice), registration=registration)


@shared_task(name="events.tasks.send_event_notice")
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
