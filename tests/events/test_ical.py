from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
import vobject
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from events.services import calendar_feed_for, event_cancel, event_update
from tests.events.factories import EventFactory, RegistrationFactory
from tests.network.factories import MethodicalAssociationFactory
from tests.schools.factories import TeacherFactory

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
    assert vevent.decoded("dtstart") == start
    assert vevent.decoded("dtend") == start + timedelta(hours=3)
    # In UTC, with no VTIMEZONE whose history a client could misread.
    assert b"DTSTART:20260414T070000Z" in response.content
    assert b"BEGIN:VTIMEZONE" not in response.content


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


def _ics(client, event):
    return client.get(reverse("events:ics", args=[event.pk])).content


def test_icalendar_and_vobject_read_15_moscow_as_the_same_utc_instant(login):
    start = datetime(2026, 3, 18, 15, 0, tzinfo=MOSCOW)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    body = _ics(login(None), event)
    (by_icalendar,) = _events(body)
    by_vobject = vobject.readOne(body.decode()).vevent
    expected = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)
    assert by_icalendar.decoded("dtstart") == expected
    assert by_vobject.dtstart.value == expected
    assert by_vobject.dtstart.value.astimezone(MOSCOW).hour == 15
    assert by_vobject.dtend.value == expected + timedelta(hours=2)


def test_calendar_is_published_with_a_stable_uid_and_stamp(login, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    event = EventFactory()
    client = login(None)
    first = _ics(client, event)
    with time_machine.travel(timezone.now() + timedelta(hours=5)):
        second = _ics(client, event)
    assert first == second  # DTSTAMP is the last change, not the download
    calendar = Calendar.from_ical(first)
    assert str(calendar["method"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@portal.example.org"
    event.refresh_from_db()
    assert vevent.decoded("last-modified") == event.updated_at.replace(microsecond=0)
    assert vevent.decoded("dtstamp") == vevent.decoded("last-modified")


def test_sequence_grows_with_a_new_time_and_a_cancellation(login):
    event = EventFactory()
    client = login(None)
    (before,) = _events(_ics(client, event))
    assert before["sequence"] == 0
    event_update(event=event, data={"title": "Новое название"})
    (renamed,) = _events(_ics(client, event))
    assert renamed["sequence"] == 0
    later = event.starts_at + timedelta(days=1)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        event_update(event=event, data={"starts_at": later, "ends_at": later + timedelta(hours=1)})
    (moved,) = _events(_ics(client, event))
    assert moved["sequence"] == 1
    assert moved.decoded("last-modified") > before.decoded("last-modified")
    event_cancel(event=event)
    (cancelled,) = _events(_ics(client, event))
    assert cancelled["sequence"] == 2
    assert str(cancelled["status"]) == "CANCELLED"


def test_location_has_the_host_school_and_url_the_online_link(login, teacher_a, school_a, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    school_a.address = "ул. Ленина, 1"
    school_a.save()
    event = EventFactory(venue="", host_school=school_a, online_url="https://meet.example.org/y")
    RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    (vevent,) = _events(_ics(login(teacher_a), event))
    assert str(vevent["location"]) == "МАОУ СОШ №\u00a0101, ул. Ленина, 1"
    assert str(vevent["url"]) == "https://meet.example.org/y"
    (public,) = _events(_ics(login(None), event))
    assert str(public["url"]) == f"https://portal.example.org/events/{event.pk}/"


def _school_feed(client, user, school):
    token = calendar_feed_for(user=user).token
    return client.get(reverse("events:school_feed", args=[token, school.pk]))


def test_school_feed_has_hosted_events_and_those_its_teachers_attend(
    login, director_a, school_a, school_b
):
    EventFactory(title="В нашей школе", host_school=school_a)
    elsewhere = EventFactory(title="Наш учитель едет")
    RegistrationFactory(event=elsewhere, teacher=TeacherFactory(school=school_a))
    EventFactory(title="Чужое", host_school=school_b)
    EventFactory(title="Черновик", host_school=school_a, status=Event.Status.DRAFT)
    response = _school_feed(login(None), director_a, school_a)
    assert response.status_code == 200
    titles = sorted(str(e["summary"]) for e in _events(response.content))
    assert titles == ["В нашей школе", "Наш учитель едет"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("teacher_a", 200),
        ("director_a", 200),
        ("director_b", 404),
        ("methodologist", 200),
        ("coordinator", 200),
    ],
)
def test_school_feed_is_for_the_school_and_the_centre(login, cast, school_a, role, status):
    assert _school_feed(login(None), cast[role], school_a).status_code == status


def test_school_feed_with_an_unknown_token_is_404(login, school_a):
    url = reverse("events:school_feed", args=["no-such-token", school_a.pk])
    assert login(None).get(url).status_code == 404


def test_feeds_of_a_deactivated_user_are_404(login, director_a, school_a):
    token = calendar_feed_for(user=director_a).token
    director_a.is_active = False
    director_a.save()
    url = reverse("events:school_feed", args=[token, school_a.pk])
    assert login(None).get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("teacher_a", 200),
        ("director_a", 200),
        ("director_b", 404),
        ("methodologist", 200),
        ("coordinator", 200),
    ],
)
def test_association_feed_is_for_its_schools_and_the_centre(login, cast, school_a, role, status):
    association = MethodicalAssociationFactory(leader=TeacherFactory(school=school_a))
    EventFactory(title="Заседание ММО", association=association)
    EventFactory(title="Другое")
    token = calendar_feed_for(user=cast[role]).token
    response = login(None).get(reverse("events:association_feed", args=[token, association.pk]))
    assert response.status_code == status
    if status == 200:
        assert [str(e["summary"]) for e in _events(response.content)] == ["Заседание ММО"]


def test_my_events_offers_the_school_and_association_feeds(login, teacher_a, school_a):
    MethodicalAssociationFactory(name="ММО словесников", members=[teacher_a.teacher_profile])
    page = login(teacher_a).get(reverse("events:my")).content.decode()
    token = calendar_feed_for(user=teacher_a).token
    assert reverse("events:school_feed", args=[token, school_a.pk]) in page
    assert "ММО словесников" in page
