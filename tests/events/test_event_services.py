from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from events.models import Event
from events.services import (
    EventsError,
    event_cancel,
    event_close,
    event_create,
    event_publish,
    event_update,
    registration_create,
)
from tests.events.factories import EventFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def _data(**overrides):
    start = timezone.now() + timedelta(days=5)
    data = {
        "title": "Вебинар по ГИА",
        "kind": Event.Kind.WEBINAR,
        "format": Event.Format.ONLINE,
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 20,
    }
    return data | overrides


def test_event_is_created_as_a_draft_and_published(methodologist):
    event = event_create(data=_data(), by=methodologist)
    assert event.status == Event.Status.DRAFT
    assert event_publish(event=event).status == Event.Status.PUBLISHED
    with pytest.raises(EventsError):
        event_publish(event=event)


def test_event_that_ends_before_it_starts_is_refused():
    start = timezone.now() + timedelta(days=5)
    with pytest.raises(EventsError):
        event_create(data=_data(starts_at=start, ends_at=start - timedelta(hours=1)))


def test_database_refuses_end_before_start():
    start = timezone.now()
    with pytest.raises(IntegrityError):
        EventFactory(starts_at=start, ends_at=start - timedelta(hours=1))


def test_database_refuses_more_reserved_seats_than_capacity():
    with pytest.raises(IntegrityError):
        EventFactory(capacity=5, reserved_seats=6)


def test_reserved_seats_need_a_date():
    with pytest.raises(EventsError):
        event_create(data=_data(reserved_seats=5))


def test_capacity_cannot_drop_below_confirmed():
    event = EventFactory(capacity=3)
    for _ in range(3):
        registration_create(event=event, teacher=TeacherFactory())
    with pytest.raises(EventsError, match="3"):
        event_update(event=event, data={"capacity": 2})


def test_cancelled_event_cannot_be_changed(event):
    event_cancel(event=event)
    with pytest.raises(EventsError):
        event_update(event=event, data={"title": "Другое"})
    with pytest.raises(EventsError):
        event_cancel(event=event)


def test_event_is_closed_only_after_it_started(event, past_event):
    with pytest.raises(EventsError):
        event_close(event=event)
    assert event_close(event=past_event).status == Event.Status.HELD


def test_new_date_resets_the_reminder(event):
    from events.models import Registration
    from tests.events.factories import RegistrationFactory

    registration = RegistrationFactory(event=event, reminded_at=timezone.now())
    later = event.starts_at + timedelta(days=7)
    event_update(event=event, data={"starts_at": later, "ends_at": later + timedelta(hours=2)})
    assert Registration.objects.get(pk=registration.pk).reminded_at is None
