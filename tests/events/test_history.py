"""Every change of an event, a registration or a certificate leaves one history record."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Certificate, Event, Registration
from events.selectors import event_history
from events.services import (
    attendance_mark,
    event_cancel,
    event_create,
    event_publish,
    event_update,
    registration_cancel,
    registration_create,
)
from tests.events.factories import EventFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def _types(history):
    return [r.history_type for r in history.order_by("history_date", "history_id")]


def _event_data():
    start = timezone.now() + timedelta(days=5)
    return {
        "title": "Вебинар по ГИА",
        "kind": Event.Kind.WEBINAR,
        "format": Event.Format.ONLINE,
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 20,
    }


def test_event_created_and_changed_three_times_has_four_records(methodologist):
    event = event_create(data=_event_data(), by=methodologist)
    event_update(event=event, data={"capacity": 25}, by=methodologist)
    event_publish(event=event, by=methodologist)
    event_cancel(event=event, by=methodologist)

    history = Event.history.filter(id=event.pk)
    assert _types(history) == ["+", "~", "~", "~"]
    assert {r.history_user for r in history} == {methodologist}


def test_registration_status_changes_are_recorded_with_who_made_them(teacher_a, methodologist):
    event = EventFactory(capacity=1)
    teacher = teacher_a.teacher_profile
    other = TeacherFactory()

    mine = registration_create(event=event, teacher=teacher, by=teacher_a)
    waiting = registration_create(event=event, teacher=other, by=methodologist)
    registration_cancel(registration=mine, by=teacher_a)  # promotes the waiting one

    mine_history = Registration.history.filter(id=mine.pk)
    assert _types(mine_history) == ["+", "~"]
    assert [r.status for r in mine_history.order_by("history_date")] == ["confirmed", "cancelled"]
    assert {r.history_user for r in mine_history} == {teacher_a}
    waiting_history = Registration.history.filter(id=waiting.pk).order_by("history_date")
    assert [r.status for r in waiting_history] == ["waitlisted", "confirmed"]
    # The promotion is the consequence of the cancellation: it names who cancelled.
    assert waiting_history.last().history_user == teacher_a


def test_attendance_marks_and_certificates_are_recorded(past_event, teacher_a, methodologist):
    registration = Registration.objects.create(
        event=past_event, teacher=teacher_a.teacher_profile, status=Registration.Status.CONFIRMED
    )
    attendance_mark(registration=registration, attended=True, by=methodologist)
    attendance_mark(registration=registration, attended=True, by=methodologist)  # no change
    certificate_pk = Certificate.objects.get(registration=registration).pk
    attendance_mark(registration=registration, attended=False, by=methodologist)

    history = Registration.history.filter(id=registration.pk).order_by("history_date")
    assert _types(history) == ["+", "~", "~"]
    assert [r.attended for r in history] == [None, True, False]
    assert [r.history_user for r in history][1:] == [methodologist, methodologist]
    certificate = Certificate.history.filter(id=certificate_pk)
    assert _types(certificate) == ["+", "-"]
    assert {r.history_user for r in certificate} == {methodologist}


def test_reminder_bookkeeping_is_not_a_change(event, teacher_a):
    registration = registration_create(event=event, teacher=teacher_a.teacher_profile)
    registration.reminded_at = timezone.now()
    registration.save(update_fields=["reminded_at"])

    assert Registration.history.filter(id=registration.pk).count() == 1


def test_methodologist_reads_the_event_history_in_russian(login, methodologist, teacher_a):
    event = event_create(data=_event_data(), by=methodologist)
    event_publish(event=event, by=methodologist)
    registration_create(event=event, teacher=teacher_a.teacher_profile, by=teacher_a)

    page = login(methodologist).get(reverse("events:detail", args=[event.pk])).content.decode()

    assert "История изменений" in page
    assert "Черновик → Опубликовано" in page
    assert "Число мест:</strong> — → 20" in page
    assert "Подтверждена" in page


def test_teacher_sees_no_history_of_the_event(login, teacher_a, event):
    page = login(teacher_a).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "История изменений" not in page


def test_registration_history_in_the_admin_has_russian_labels(login, methodologist, teacher_a):
    past = timezone.now() - timedelta(days=1)
    event = EventFactory(starts_at=past, ends_at=past + timedelta(hours=2))
    registration = Registration.objects.create(
        event=event, teacher=teacher_a.teacher_profile, status=Registration.Status.CONFIRMED
    )
    attendance_mark(registration=registration, attended=True, by=methodologist)

    response = login(methodologist).get(
        reverse("admin:events_registration_history", args=[registration.pk])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Присутствовал:</strong>" in page
    assert "— → да" in page
    assert "style=" not in page


def test_event_history_costs_the_same_for_many_registrations(
    methodologist, django_assert_max_num_queries
):
    event = EventFactory(capacity=None)
    for teacher in TeacherFactory.create_batch(25):
        registration_create(event=event, teacher=teacher, by=methodologist)

    with django_assert_max_num_queries(8):
        entries = event_history(event)

    assert len(entries) == 26


def test_the_kept_audit_trail_follows_a_rename_of_its_author_but_not_a_login(
    login, methodologist, teacher_a
):
    from django.contrib.auth.models import update_last_login

    from core.figures_cache import area_version
    from events.kept import AREA

    methodologist.last_name, methodologist.first_name = "Старова", "Анна"
    methodologist.save()
    event = event_create(data=_event_data(), by=methodologist)
    client = login(methodologist)
    url = reverse("events:detail", args=[event.pk])
    assert "Старова" in client.get(url).content.decode()

    before = area_version(AREA)
    update_last_login(None, methodologist)
    assert area_version(AREA) == before  # a login writes only last_login

    methodologist.last_name = "Новикова"
    methodologist.save()

    page = client.get(url).content.decode()
    assert "Новикова" in page and "Старова" not in page
