from datetime import timedelta

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory, RegistrationFactory


@pytest.fixture
def event(db):
    """A published seminar next week with 30 seats."""
    return EventFactory(title="Семинар «Смысловое чтение»")


@pytest.fixture
def past_event(db):
    """A published seminar that took place yesterday."""
    start = timezone.now() - timedelta(days=1)
    return EventFactory(
        title="Прошедший семинар", starts_at=start, ends_at=start + timedelta(hours=2)
    )


@pytest.fixture
def attended_registration(past_event, teacher_a):
    from events.services import attendance_mark

    registration = RegistrationFactory(event=past_event, teacher=teacher_a.teacher_profile)
    return attendance_mark(registration=registration, attended=True)
