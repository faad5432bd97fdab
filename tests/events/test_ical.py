from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from events.services import calendar_feed_for
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


def _events(body):
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_event_ics_parses_with_the_right_local_times(login):
    start = datetime(2026, 4, 14, 10, 0, tzinfo=MOSCOW)
    event = EventFactory(
        title="Семинар по ВПР", starts_at=start, ends_at=start + timedelta(hours=3)
    )
    response = login(None).get(reverse("events:ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    (vevent,) = _events(response.content)
    assert str(vevent["summary"]) == "Семинар по ВПР"
    dtstart = vevent.decoded("dtstart")
    assert dtstart == start
    assert dtstart.utcoffset() == timedelta(hours=3)
    assert vevent["dtstart"].params["TZID"] == "Europe/Moscow"
    assert vevent.decoded("dtend") == start + timedelta(hours=3)
    assert b"BEGIN:VTIMEZONE" in response.content


def test_personal_feed_lists_only_my_confirmed_events(login, teacher_a):
    mine = EventFactory(title="Мой семинар", online_url="https://meet.example.org/x")
    EventFactory(title="Чужой семинар")
    RegistrationFactory(event=mine, teacher=teacher_a.teacher_profile)
    token = calendar_feed_for(user=teacher_a).token
    body = login(None).get(reverse("events:feed", args=[token])).content
    events = _events(body)
    assert [str(e["summary"]) for e in events] == ["Мой семинар"]
    assert "https://meet.example.org/x" in str(events[0]["description"])


def test_feed_token_is_long_and_unguessable(teacher_a, django_user_model):
    token = calendar_feed_for(user=teacher_a).token
    assert len(token) >= 40
    assert calendar_feed_for(user=teacher_a).token == token


def test_cancelled_event_is_marked_cancelled_in_ics(login):
    event = EventFactory(
        status=Event.Status.CANCELLED, starts_at=timezone.now() + timedelta(days=1)
    )
    (vevent,) = _events(login(None).get(reverse("events:ics", args=[event.pk])).content)
    assert str(vevent["status"]) == "CANCELLED"
