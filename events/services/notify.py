"""The e-mails of a change: written to the outbox with the change, sent by a worker.

The handlers live beside the functions that enqueue them, so that services never import
``events.tasks`` (which imports the services). The Celery tasks keep the names they were
first registered under, so messages queued before a deploy still find them; they only
put the e-mail into the outbox.
"""

from celery import shared_task
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Registration
from events.notifications import Notice, send_notice
from events.texts import time_span
from notifications.models import Kind
from notifications.recipients import user_of_teacher
from notifications.services import notify
from outbox.services import enqueue, handler

REGISTRATION_NOTICE = "events.registration_notice"
EVENT_NOTICE = "events.event_notice"


def notify_registration(registration_id: int, notice: Notice, changes=None) -> None:
    kwargs = {"registration_id": registration_id, "notice": Notice(notice).value}
    if changes:
        kwargs["changes"] = changes
    enqueue(REGISTRATION_NOTICE, **kwargs)


def notify_event(event_id: int, notice: Notice, changes=None) -> None:
    """``changes``: what participants are told changed, {what: [old, new]} (JSON)."""
    kwargs = {"event_id": event_id, "notice": Notice(notice).value}
    if changes:
        kwargs["changes"] = changes
    enqueue(EVENT_NOTICE, **kwargs)


def registrations_to_notify():
    return Registration.objects.select_related("event", "teacher__user", "teacher__school")


@handler(REGISTRATION_NOTICE)
def registration_notice(registration_id: int, notice: str, changes=None) -> bool:
    """Tell one teacher about their registration (confirmed, wait-listed, promoted).

    A failing mail server raises; the outbox tries again later.
    """
    registration = registrations_to_notify().filter(pk=registration_id).first()
    if registration is None:  # deleted since
        return False
    in_portal(registration, Notice(notice))
    return send_notice(notice=Notice(notice), registration=registration, changes=changes)


PORTAL_TITLES = {
    Notice.CONFIRMED: (Kind.EVENT_REGISTRATION, _("You are registered for «%(event)s», %(when)s")),
    Notice.WAITLISTED: (Kind.EVENT_REGISTRATION, _("You are on the waiting list for «%(event)s»")),
    Notice.PROMOTED: (Kind.EVENT_REGISTRATION, _("A seat is yours at «%(event)s», %(when)s")),
    Notice.CHANGED: (Kind.EVENT_CHANGED, _("«%(event)s» has changed: now %(when)s")),
    Notice.CANCELLED: (Kind.EVENT_CHANGED, _("«%(event)s» is cancelled")),
    Notice.REMINDER: (Kind.EVENT_REMINDER, _("Tomorrow: «%(event)s», %(when)s")),
}


def in_portal(registration, notice: Notice) -> None:
    """The teacher's notification in the portal, beside the events app's own e-mail.

    Keyed by the event's version, so that a retried e-mail does not repeat it.
    """
    event = registration.event
    kind, title = PORTAL_TITLES[notice]
    notify(
        user_of_teacher(registration.teacher),
        kind=kind,
        title=title % {"event": event.title, "when": time_span(event.starts_at, event.ends_at)},
        url=reverse("events:detail", args=[event.pk]),
        key=f"{notice.value}:{registration.pk}:{event.sequence}",
    )


@handler(EVENT_NOTICE)
def event_notice(event_id: int, notice: str, changes=None) -> int:
    """Tell everyone registered for an event that it changed or was cancelled.

    One outbox item per participant, so that a failed address is retried alone.
    """
    Notice(notice)  # refuse an unknown notice here, not in every participant's item
    with transaction.atomic():  # all of them or, to be retried, none
        registrations = Registration.objects.active().filter(event_id=event_id)
        ids = list(registrations.values_list("pk", flat=True))
        for registration_id in ids:
            notify_registration(registration_id, notice, changes)
    return len(ids)


# Messages that an earlier version queued straight to Celery still arrive under these names.
@shared_task(name="events.tasks.send_registration_notice")
def send_registration_notice(registration_id: int, notice: str) -> None:
    notify_registration(registration_id, notice)


@shared_task(name="events.tasks.send_event_notice")
def send_event_notice(event_id: int, notice: str) -> None:
    notify_event(event_id, notice)
