from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from events.models import Registration
from events.tasks import fill_waitlists, send_reminders
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 3, 10, 12, 0))


@time_machine.travel(NOW, tick=False)
def test_reminders_go_the_day_before_once():
    tomorrow = timezone.make_aware(datetime(2026, 3, 11, 10, 0))
    event = EventFactory(starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=2))
    later = EventFactory(
        starts_at=tomorrow + timedelta(days=1), ends_at=tomorrow + timedelta(days=1, hours=2)
    )
    confirmed = RegistrationFactory(event=event, teacher=TeacherFactory(email="a@example.org"))
    RegistrationFactory(
        event=event,
        teacher=TeacherFactory(email="b@example.org"),
        status=Registration.Status.WAITLISTED,
    )
    RegistrationFactory(event=later, teacher=TeacherFactory(email="c@example.org"))

    assert send_reminders() == 1
    assert send_reminders() == 0  # a second run (or a retried task) sends nothing twice

    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].subject == f"Завтра: {event.title}"
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None


def test_fill_waitlists_promotes_when_the_reservation_ends():
    event = EventFactory(
        capacity=2, reserved_seats=1, reserved_until=timezone.now() + timedelta(hours=1)
    )
    from events.services import registration_create

    registrations = [registration_create(event=event, teacher=TeacherFactory()) for _ in range(2)]
    assert registrations[1].status == Registration.Status.WAITLISTED
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert fill_waitlists() == 1
    registrations[1].refresh_from_db()
    assert registrations[1].status == Registration.Status.CONFIRMED


def test_beat_schedule_lists_the_events_tasks(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"events.tasks.send_reminders", "events.tasks.fill_waitlists"} <= tasks


def test_reminder_is_local_time_aware():
    # 23:30 UTC on the 10th is already the 11th in Moscow: tomorrow is the 12th there.
    with time_machine.travel(datetime(2026, 3, 10, 23, 30, tzinfo=UTC), tick=False):
        start = timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=1), time(9))
        )
        event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=1))
        RegistrationFactory(event=event, teacher=TeacherFactory(email="d@example.org"))
        assert send_reminders() == 1
