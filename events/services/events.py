from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import audited
from core.services import model_update
from events.models import Event
from events.notifications import Notice
from events.services.errors import EventsError
from events.services.notify import notify_event
from events.services.registrations import waitlist_promote
from events.services.seats import event_lock, occupancy
from events.texts import event_location

# What event_update changes; the state moves only through publish, cancel and close.
EVENT_FIELDS = {
    "title",
    "kind",
    "format",
    "description",
    "starts_at",
    "ends_at",
    "host_school",
    "venue",
    "partnership",
    "association",
    "activity",
    "online_url",
    "organiser",
    "audience",
    "capacity",
    "reserved_seats",
    "reserved_until",
    "registration_opens_at",
    "registration_closes_at",
}


def _as_told(event: Event) -> dict:
    """What participants are told of when it changes, as JSON for the outbox."""
    return {
        "time": [event.starts_at.isoformat(), event.ends_at.isoformat()],
        "place": event_location(event),
        "format": event.format,
        "link": event.online_url,
    }


def _validate(event: Event) -> None:
    try:
        event.full_clean(exclude=["subjects"])
    except ValidationError as error:
        raise EventsError(" ".join(error.messages)) from error
    if event.capacity is not None and event.reserved_seats > event.capacity:
        raise EventsError(_("Reserved seats cannot exceed the capacity."))
    if event.reserved_seats and not event.reserved_until:
        raise EventsError(_("Say until when the seats are reserved."))


@audited
@transaction.atomic
def event_create(*, data: dict, subjects=(), by=None) -> Event:
    """Create an event as a draft."""
    event = Event(**data, created_by=by, status=Event.Status.DRAFT)
    _validate(event)
    event.save()
    event.subjects.set(subjects)
    return event


@audited
def event_update(*, event: Event, data: dict, subjects=None, by=None) -> Event:
    """Change an event; tell participants of a new time or place; fill freed seats."""
    with transaction.atomic():
        event = event_lock(event)
        if event.status in (Event.Status.CANCELLED, Event.Status.HELD):
            raise EventsError(_("A cancelled or held event cannot be changed."))
        # Compared once validated: full_clean may turn a value into its field's type.
        before = {field: getattr(event, field) for field in data}
        told_before = _as_told(event)
        model_update(instance=event, data=data, allowed=EVENT_FIELDS)
        _validate(event)
        confirmed = occupancy(event).confirmed
        if event.capacity is not None and event.capacity < confirmed:
            raise EventsError(
                _("The capacity cannot be less than the %(n)s confirmed participants.")
                % {"n": confirmed}
            )
        told_after = _as_told(event)
        # Old → new of what participants are told, for the e-mail; calendars see SEQUENCE.
        news = {
            key: [told_before[key], told_after[key]]
            for key in told_after
            if told_before[key] != told_after[key]
        }
        if news:
            event.sequence += 1
        event.save()
        if subjects is not None:
            event.subjects.set(subjects)
        changed = {field for field in data if before[field] != getattr(event, field)}
        if event.status == Event.Status.PUBLISHED and news:
            notify_event(event.pk, Notice.CHANGED, changes=news)
        if "starts_at" in changed:  # a new date deserves a new reminder
            event.registrations.update(reminded_at=None)
        waitlist_promote(event)
    return event


@audited
def event_publish(*, event: Event, by=None) -> Event:
    with transaction.atomic():
        event = event_lock(event)
        if event.status != Event.Status.DRAFT:
            raise EventsError(_("Only a draft can be published."))
        event.status = Event.Status.PUBLISHED
        event.save(update_fields=["status", "updated_at"])
    return event


@audited
def event_cancel(*, event: Event, by=None) -> Event:
    """Cancel the event and tell everyone registered."""
    with transaction.atomic():
        event = event_lock(event)
        if event.status not in (Event.Status.DRAFT, Event.Status.PUBLISHED):
            raise EventsError(_("Only a draft or a published event can be cancelled."))
        was_published = event.status == Event.Status.PUBLISHED
        event.status = Event.Status.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        if was_published:
            notify_event(event.pk, Notice.CANCELLED)
    return event


@audited
def event_close(*, event: Event, by=None) -> Event:
    """Mark a published event that has started as held."""
    with transaction.atomic():
        event = event_lock(event)
        if event.status != Event.Status.PUBLISHED:
            raise EventsError(_("Only a published event can be closed."))
        if event.starts_at > timezone.now():
            raise EventsError(_("An event can be closed only after it has started."))
        event.status = Event.Status.HELD
        event.save(update_fields=["status", "updated_at"])
    return event
