"""The calendar's and the event list's rows are kept as HTML, yet every change shows on
the next visit and a draft never reaches someone who may not see it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from events.services.registrations import registration_cancel, registration_create
from schools.models import Subject
from tests.events.factories import EventFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def soon():
    """An event tomorrow, and the calendar's query for its month."""
    event = EventFactory(
        title="Семинар «Смысловое чтение»",
        starts_at=timezone.now() + timedelta(days=1),
        capacity=30,
    )
    start = timezone.localtime(event.starts_at)
    return event, {"year": start.year, "month": start.month}


def pages(client, month):
    calendar = client.get(reverse("events:calendar"), month)
    listed = client.get(reverse("events:list"))
    assert calendar.status_code == listed.status_code == 200
    return calendar.content.decode(), listed.content.decode()


def test_a_new_or_renamed_event_shows_at_once(login, teacher_a, soon):
    event, month = soon
    client = login(teacher_a)
    assert all("Смысловое чтение" in page for page in pages(client, month))

    EventFactory(title="Мастер-класс «Геометрия»", starts_at=event.starts_at)
    event.title = "Семинар «Функциональная грамотность»"
    event.save()

    for page in pages(client, month):
        assert "Геометрия" in page and "Функциональная грамотность" in page
        assert "Смысловое чтение" not in page


def test_a_registration_changes_the_seats_shown_at_once(login, teacher_a, soon):
    event, month = soon
    client = login(teacher_a)
    assert "занято 0 из 30 мест" in pages(client, month)[1]

    registration = registration_create(event=event, teacher=TeacherFactory())
    assert "занято 1 из 30 мест" in pages(client, month)[1]

    registration_cancel(registration=registration)
    assert "занято 0 из 30 мест" in pages(client, month)[1]


def test_a_draft_seen_by_a_methodologist_never_reaches_a_teacher(
    login, methodologist, teacher_a, soon
):
    event, month = soon
    event.status = Event.Status.DRAFT
    event.save()

    assert all("Смысловое чтение" in page for page in pages(login(methodologist), month))
    assert all("Смысловое чтение" not in page for page in pages(login(teacher_a), month))


def test_a_renamed_subject_shows_at_once(login, teacher_a, soon):
    event, month = soon
    subject = Subject.objects.create(name="Астрономия")
    event.subjects.add(subject)
    client = login(teacher_a)
    assert "Астрономия" in pages(client, month)[1]

    subject.name = "Физика и астрономия"
    subject.save()

    assert "Физика и астрономия" in pages(client, month)[1]


def test_a_second_visit_reads_no_events(login, teacher_a, soon):
    _, month = soon
    client = login(teacher_a)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            pages(client, month)
        counts.append(sum("events_event" in q["sql"] for q in queries.captured_queries))

    assert counts[0] > 0 and counts[1] == 0
