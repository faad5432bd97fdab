import pytest

from events.models import Certificate, Registration
from events.services import EventsError, attendance_mark, attendance_mark_many, feedback_leave
from events.signals import attendance_changed
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    calls = []

    def listener(sender, registration, attended, **kwargs):
        calls.append((registration.pk, attended))

    attendance_changed.connect(listener)
    yield calls
    attendance_changed.disconnect(listener)


def test_marking_attendance_issues_a_certificate_and_signals_after_commit(
    past_event, received, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=past_event)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        attendance_mark(registration=registration, attended=True)
    assert received == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert received == [(registration.pk, True)]
    assert Certificate.objects.filter(registration=registration).exists()


def test_unmarking_withdraws_the_certificate(
    past_event, received, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=past_event)
    with django_capture_on_commit_callbacks(execute=True):
        attendance_mark(registration=registration, attended=True)
        attendance_mark(registration=registration, attended=False)
    assert not Certificate.objects.filter(registration=registration).exists()
    assert received == [(registration.pk, True), (registration.pk, False)]


def test_marking_the_same_value_twice_signals_once(
    past_event, received, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=past_event)
    with django_capture_on_commit_callbacks(execute=True):
        attendance_mark(registration=registration, attended=True)
        attendance_mark(registration=registration, attended=True)
    assert received == [(registration.pk, True)]


def test_attendance_before_the_event_is_refused(event):
    registration = RegistrationFactory(event=event)
    with pytest.raises(EventsError):
        attendance_mark(registration=registration, attended=True)


def test_attendance_of_waitlisted_is_refused(past_event):
    registration = RegistrationFactory(event=past_event, status=Registration.Status.WAITLISTED)
    with pytest.raises(EventsError):
        attendance_mark(registration=registration, attended=True)


def test_mark_many_changes_only_what_differs(past_event):
    rows = [RegistrationFactory(event=past_event) for _ in range(3)]
    marks = {rows[0].pk: True, rows[1].pk: True, rows[2].pk: False}
    assert attendance_mark_many(event=past_event, marks=marks) == 3
    assert attendance_mark_many(event=past_event, marks=marks) == 0


def test_feedback_only_from_attendees(past_event, attended_registration):
    feedback = feedback_leave(registration=attended_registration, rating=5, comment="Полезно")
    assert feedback.rating == 5
    assert feedback_leave(registration=attended_registration, rating=4).rating == 4
    other = RegistrationFactory(event=past_event)
    with pytest.raises(EventsError):
        feedback_leave(registration=other, rating=5)
    with pytest.raises(EventsError):
        feedback_leave(registration=attended_registration, rating=6)
