"""Which e-mails go out, to whom, and never for a change that was rolled back."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction

from events.services import (
    event_cancel,
    event_update,
    registration_cancel,
    registration_create,
)
from tests.events.factories import EventFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def _teacher(n):
    return TeacherFactory(email=f"teacher{n}@example.org")


def test_confirmation_is_sent_in_russian(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=_teacher(1))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["teacher1@example.org"]
    assert message.subject == f"Регистрация подтверждена: {event.title}"
    assert "Ваша регистрация подтверждена" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_user_email_is_preferred_to_registry_email(
    event, teacher_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=teacher_a.teacher_profile)
    assert mail.outbox[0].to == [teacher_a.email]


def test_waitlist_and_promotion_emails(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = registration_create(event=event, teacher=_teacher(1))
        registration_create(event=event, teacher=_teacher(2))
    assert mail.outbox[1].subject.startswith("Лист ожидания")
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == ["teacher2@example.org"]
    assert mail.outbox[2].subject.startswith("Для вас освободилось место")


def test_no_email_for_a_rolled_back_registration(event, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        registration_create(event=event, teacher=_teacher(1))
        raise RuntimeError("the surrounding work failed")
    assert mail.outbox == []
    assert not event.registrations.exists()


def test_change_of_time_is_told_to_everyone_registered(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=_teacher(1))
        registration_create(event=event, teacher=_teacher(2))
    mail.outbox.clear()
    later = event.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, data={"starts_at": later, "ends_at": later + timedelta(hours=1)})
    assert sorted(m.to[0] for m in mail.outbox) == ["teacher1@example.org", "teacher2@example.org"]
    assert all(m.subject.startswith("Изменения в мероприятии") for m in mail.outbox)


def test_change_of_title_alone_sends_nothing(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=_teacher(1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, data={"title": "Новое название"})
    assert mail.outbox == []


def test_cancelling_the_event_tells_everyone_registered(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=_teacher(1))
        registration_create(event=event, teacher=_teacher(2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event)
    assert len(mail.outbox) == 2
    assert all(m.subject.startswith("Мероприятие отменено") for m in mail.outbox)


def test_teacher_without_an_address_gets_no_email(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, teacher=TeacherFactory(email=""))
    assert mail.outbox == []
