"""Seats under real parallel transactions: threads with their own PostgreSQL connections."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events.models import Registration
from events.services import EventsError, registration_cancel, registration_create
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Thirty connections at once: enough to collide, and with a parallel test run still
# within PostgreSQL's default of 100.
THREADS = 30


def _in_parallel(function, items):
    """Run function(item) for every item from THREADS threads released at once."""
    barrier = threading.Barrier(THREADS)
    chunks = [items[i::THREADS] for i in range(THREADS)]

    def work(chunk):
        barrier.wait()
        try:
            return [function(item) for item in chunk]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return [result for chunk in pool.map(work, chunks) for result in chunk]


def _counts(event):
    rows = Registration.objects.filter(event=event)
    return (
        rows.filter(status=Registration.Status.CONFIRMED).count(),
        rows.filter(status=Registration.Status.WAITLISTED).count(),
    )


def test_200_simultaneous_registrations_for_30_seats(postgres):
    event = EventFactory(capacity=30)
    school = SchoolFactory()
    teachers = TeacherFactory.create_batch(200, school=school)

    results = _in_parallel(lambda t: registration_create(event=event, teacher=t).status, teachers)

    assert results.count(Registration.Status.CONFIRMED) == 30
    assert results.count(Registration.Status.WAITLISTED) == 170
    assert _counts(event) == (30, 170)


def test_same_teacher_registering_at_once_gets_one_registration(postgres):
    event = EventFactory(capacity=30)
    teacher = TeacherFactory()

    def attempt(_):
        try:
            registration_create(event=event, teacher=teacher)
        except EventsError:
            return "refused"
        return "registered"

    results = _in_parallel(attempt, list(range(THREADS)))

    assert results.count("registered") == 1
    assert Registration.objects.filter(event=event, teacher=teacher).count() == 1


def test_concurrent_cancellations_never_leave_a_free_seat_while_someone_waits(postgres):
    event = EventFactory(capacity=30)
    school = SchoolFactory()
    confirmed = [
        RegistrationFactory(event=event, teacher=TeacherFactory(school=school)) for _ in range(30)
    ]
    for _ in range(50):
        RegistrationFactory(
            event=event,
            teacher=TeacherFactory(school=school),
            status=Registration.Status.WAITLISTED,
        )

    _in_parallel(lambda r: registration_cancel(registration=r), confirmed)

    assert _counts(event) == (30, 20)


def test_cancellations_and_registrations_at_once_keep_the_invariant(postgres):
    event = EventFactory(capacity=30)
    school = SchoolFactory()
    confirmed = [
        RegistrationFactory(event=event, teacher=TeacherFactory(school=school)) for _ in range(30)
    ]
    newcomers = TeacherFactory.create_batch(60, school=school)
    work = [("cancel", r) for r in confirmed[:20]] + [("register", t) for t in newcomers]

    def act(item):
        action, target = item
        if action == "cancel":
            registration_cancel(registration=target)
        else:
            registration_create(event=event, teacher=target)

    _in_parallel(act, work)

    confirmed_count, waiting = _counts(event)
    # 10 kept + 60 new = 70 active: never 31 seated, never a free seat while 40 wait.
    assert (confirmed_count, waiting) == (30, 40)
    # Nobody holds two seats.
    active = Registration.objects.active().filter(event=event)
    assert active.values("teacher").distinct().count() == active.count()


def test_reserved_seats_hold_under_simultaneous_registrations(postgres):
    from datetime import timedelta

    from django.utils import timezone

    from schools.models import School

    event = EventFactory(
        capacity=30, reserved_seats=10, reserved_until=timezone.now() + timedelta(days=3)
    )
    supported = TeacherFactory.create_batch(
        60, school=SchoolFactory(category=School.Category.LOW_RESULTS)
    )
    others = TeacherFactory.create_batch(60, school=SchoolFactory(category=School.Category.LEADER))
    # Interleaved, so that both kinds arrive all the time.
    teachers = [t for pair in zip(others, supported, strict=True) for t in pair]

    _in_parallel(lambda t: registration_create(event=event, teacher=t), teachers)

    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    assert confirmed.count() == 30
    assert confirmed.exclude(teacher__school__category=School.Category.LOW_RESULTS).count() <= 20
    assert confirmed.filter(teacher__school__category=School.Category.LOW_RESULTS).count() >= 10


def test_registration_locks_the_event_row(postgres):
    from django.test.utils import CaptureQueriesContext

    event = EventFactory()
    with CaptureQueriesContext(connection) as queries:
        registration_create(event=event, teacher=TeacherFactory())
    locks = [q["sql"] for q in queries if "FOR UPDATE" in q["sql"]]
    assert locks
    assert '"events_event"' in locks[0]
