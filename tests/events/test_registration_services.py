from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from events.models import Event, Registration
from events.services import (
    EventsError,
    event_fill_waitlist,
    event_update,
    registration_cancel,
    registration_create,
)
from schools.models import School
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

S = Registration.Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def supported_school():
    return SchoolFactory(category=School.Category.LOW_RESULTS)


@pytest.fixture
def other_school():
    return SchoolFactory(category=School.Category.REGULAR)


def test_registration_is_confirmed_while_seats_are_free(event):
    registration = registration_create(event=event, teacher=TeacherFactory())
    assert registration.status == S.CONFIRMED


def test_registration_waitlists_when_full():
    event = EventFactory(capacity=1)
    registration_create(event=event, teacher=TeacherFactory())
    second = registration_create(event=event, teacher=TeacherFactory())
    assert second.status == S.WAITLISTED


def test_unlimited_event_never_waitlists():
    event = EventFactory(capacity=None)
    for _ in range(5):
        assert registration_create(event=event, teacher=TeacherFactory()).status == S.CONFIRMED


def test_duplicate_registration_is_refused(event):
    teacher = TeacherFactory()
    registration_create(event=event, teacher=teacher)
    with pytest.raises(EventsError, match="уже зарегистрирован"):
        registration_create(event=event, teacher=teacher)


def test_database_refuses_two_active_registrations(event):
    teacher = TeacherFactory()
    RegistrationFactory(event=event, teacher=teacher)
    with pytest.raises(IntegrityError):
        RegistrationFactory(event=event, teacher=teacher, status=S.WAITLISTED)


def test_teacher_may_register_again_after_cancelling(event):
    teacher = TeacherFactory()
    registration_cancel(registration=registration_create(event=event, teacher=teacher))
    assert registration_create(event=event, teacher=teacher).status == S.CONFIRMED


def test_unknown_teacher_is_refused(event):
    with pytest.raises(EventsError, match="реестра"):
        registration_create(event=event, teacher=None)


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.CANCELLED, Event.Status.HELD])
def test_registration_refused_unless_published(status):
    event = EventFactory(status=status)
    with pytest.raises(EventsError):
        registration_create(event=event, teacher=TeacherFactory())


def test_registration_window_is_enforced():
    now = timezone.now()
    event = EventFactory(
        registration_opens_at=now + timedelta(days=1),
        registration_closes_at=now + timedelta(days=3),
    )
    with pytest.raises(EventsError, match="не открыта"):
        registration_create(event=event, teacher=TeacherFactory())
    with time_machine.travel(now + timedelta(days=2)):
        assert registration_create(event=event, teacher=TeacherFactory()).status == S.CONFIRMED
    with time_machine.travel(now + timedelta(days=4)), pytest.raises(EventsError, match="закрыта"):
        registration_create(event=event, teacher=TeacherFactory())


def test_registration_refused_after_start():
    event = EventFactory()
    with (
        time_machine.travel(event.starts_at + timedelta(minutes=1)),
        pytest.raises(EventsError, match="началось"),
    ):
        registration_create(event=event, teacher=TeacherFactory())


def _reserved_event():
    """10 seats, 4 of them reserved for supported schools for the next three days."""
    return EventFactory(
        capacity=10, reserved_seats=4, reserved_until=timezone.now() + timedelta(days=3)
    )


def test_reserved_seats_are_kept_for_supported_schools_before_their_date(
    supported_school, other_school
):
    event = _reserved_event()
    others = [
        registration_create(event=event, teacher=TeacherFactory(school=other_school))
        for _ in range(7)
    ]
    assert [r.status for r in others].count(S.CONFIRMED) == 6
    assert others[-1].status == S.WAITLISTED
    supported = [
        registration_create(event=event, teacher=TeacherFactory(school=supported_school))
        for _ in range(5)
    ]
    assert [r.status for r in supported].count(S.CONFIRMED) == 4
    assert supported[-1].status == S.WAITLISTED


def test_supported_teachers_may_also_take_open_seats(supported_school, other_school):
    event = _reserved_event()
    for _ in range(8):
        registration_create(event=event, teacher=TeacherFactory(school=supported_school))
    # 8 supported: 4 in the reserve and 4 in the open seats; 2 open seats remain.
    statuses = [
        registration_create(event=event, teacher=TeacherFactory(school=other_school)).status
        for _ in range(3)
    ]
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]


def test_reserved_seats_open_to_everyone_after_their_date(other_school):
    event = _reserved_event()
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        statuses = [
            registration_create(event=event, teacher=TeacherFactory(school=other_school)).status
            for _ in range(10)
        ]
    assert statuses.count(S.CONFIRMED) == 10


def test_waitlisted_get_reserved_seats_when_the_reservation_ends(other_school):
    event = _reserved_event()
    for _ in range(8):
        registration_create(event=event, teacher=TeacherFactory(school=other_school))
    assert event.registrations.filter(status=S.WAITLISTED).count() == 2
    assert event_fill_waitlist(event=event) == []
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        promoted = event_fill_waitlist(event=event)
    assert len(promoted) == 2
    assert event.registrations.filter(status=S.CONFIRMED).count() == 8


def test_cancellation_promotes_the_first_waitlisted():
    event = EventFactory(capacity=1)
    first = registration_create(event=event, teacher=TeacherFactory())
    second = registration_create(event=event, teacher=TeacherFactory())
    third = registration_create(event=event, teacher=TeacherFactory())
    registration_cancel(registration=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.CONFIRMED
    assert third.status == S.WAITLISTED


def test_cancelling_twice_is_refused(event):
    registration = registration_create(event=event, teacher=TeacherFactory())
    registration_cancel(registration=registration)
    with pytest.raises(EventsError):
        registration_cancel(registration=registration)


def test_larger_capacity_promotes_waitlisted():
    event = EventFactory(capacity=1)
    registrations = [registration_create(event=event, teacher=TeacherFactory()) for _ in range(4)]
    event_update(event=event, data={"capacity": 3})
    statuses = list(
        Registration.objects.filter(pk__in=[r.pk for r in registrations])
        .order_by("created_at", "pk")
        .values_list("status", flat=True)
    )
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]
