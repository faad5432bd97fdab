"""What the e-mails say: greeting, time with its zone, links, changes, calendar file."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from events.models import Event
from events.services import event_update, registration_create
from tests.events.factories import EventFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
BASE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def _portal_address(settings):
    settings.PORTAL_BASE_URL = BASE


@pytest.fixture
def seminar(db):
    start = datetime(2027, 4, 14, 11, 0, tzinfo=MOSCOW)
    return EventFactory(
        title="Семинар «Смысловое чтение»",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        online_url="https://meet.example.org/old",
        format=Event.Format.HYBRID,
    )


def _teacher(**fields):
    return TeacherFactory(
        **{"first_name": "Мария", "patronymic": "Андреевна", "email": "maria@example.org", **fields}
    )


def _register(seminar, teacher, capture):
    with capture(execute=True):
        return registration_create(event=seminar, teacher=teacher)


def _calendar_file(message):
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    _name, content, mimetype = attachment
    assert mimetype == "text/calendar"
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return vevent


def test_confirmation_greets_by_name_and_shows_the_zone(
    seminar, django_capture_on_commit_callbacks
):
    _register(seminar, _teacher(), django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "Здравствуйте, Мария Андреевна!" in text
        assert "Уважаем" not in text
        assert "14 апреля 2027, 11:00–13:00 (МСК)" in text
        assert "Ваша регистрация подтверждена" in text
        assert f"{BASE}/events/{seminar.pk}/" in text
        assert f"{BASE}/events/my/" in text
    assert message.extra_headers["Message-ID"].endswith("@portal.example.org>")
    assert message.message()["Message-ID"].endswith("@portal.example.org>")


def test_confirmation_carries_the_event_as_a_calendar_file(
    seminar, django_capture_on_commit_callbacks
):
    _register(seminar, _teacher(), django_capture_on_commit_callbacks)
    vevent = _calendar_file(mail.outbox[0])
    assert str(vevent["uid"]) == f"event-{seminar.pk}@portal.example.org"
    assert vevent.decoded("dtstart") == datetime(2027, 4, 14, 8, 0, tzinfo=ZoneInfo("UTC"))
    assert str(vevent["url"]) == "https://meet.example.org/old"


def test_greeting_without_a_first_name(seminar, django_capture_on_commit_callbacks):
    _register(seminar, _teacher(first_name=""), django_capture_on_commit_callbacks)
    assert mail.outbox[0].body.startswith("Здравствуйте!")


def test_a_zone_without_a_name_is_shown_as_its_offset(
    seminar, settings, django_capture_on_commit_callbacks
):
    settings.TIME_ZONE = "Asia/Yekaterinburg"
    _register(seminar, _teacher(), django_capture_on_commit_callbacks)
    assert "14 апреля 2027, 13:00–15:00 (UTC+5)" in mail.outbox[0].body


def test_waiting_list_letter_has_no_calendar_file(django_capture_on_commit_callbacks):
    full = EventFactory(capacity=0)
    _register(full, _teacher(), django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject.startswith("Лист ожидания")
    assert message.attachments == []


def test_change_letter_lists_what_changed_old_and_new(seminar, django_capture_on_commit_callbacks):
    _register(seminar, _teacher(), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    host = SchoolFactory(short_name="МАОУ СОШ № 7", address="ул. Мира, 3")
    later = seminar.starts_at + timedelta(days=1, hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(
            event=seminar,
            data={
                "starts_at": later,
                "ends_at": later + timedelta(hours=2),
                "venue": "",
                "host_school": host,
                "format": Event.Format.IN_PERSON,
                "online_url": "https://meet.example.org/new",
            },
        )
    (message,) = mail.outbox
    assert message.subject.startswith("Изменения в мероприятии")
    for text in (message.body, message.alternatives[0][0]):
        assert "Здравствуйте, Мария Андреевна!" in text
        assert "14 апреля 2027, 11:00–13:00 (МСК)" in text
        assert "15 апреля 2027, 14:00–16:00 (МСК)" in text
        assert "ИМЦ, ауд. 12" in text
        assert "МАОУ СОШ №\u00a07, ул. Мира, 3" in text
        assert "Смешанный" in text
        assert "Очно" in text
        assert "https://meet.example.org/old" in text
        assert "https://meet.example.org/new" in text
    assert "— Время: 14 апреля 2027, 11:00–13:00 (МСК) → 15 апреля 2027" in message.body
    vevent = _calendar_file(message)
    assert vevent["sequence"] == 1
    assert str(vevent["location"]) == "МАОУ СОШ №\u00a07, ул. Мира, 3"


def test_change_letter_to_the_waiting_list_keeps_the_link_to_itself(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=0, online_url="https://meet.example.org/old")
    _register(event, _teacher(), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, data={"online_url": "https://meet.example.org/new"})
    (message,) = mail.outbox
    assert "meet.example.org" not in message.body
    assert "Ссылка для подключения: изменено" in message.body
    assert message.attachments == []


def test_registration_page_says_when_no_confirmation_could_be_sent(
    login, event, director_a, school_a
):
    teacher = TeacherFactory(school=school_a, email="")
    response = login(director_a).post(
        reverse("events:register", args=[event.pk]), {"teacher": teacher.pk}, follow=True
    )
    page = response.content.decode()
    assert "Подтверждение по электронной почте не отправлено" in page
    assert "Подтверждение отправлено" not in page


def test_registration_page_says_the_confirmation_is_sent(login, event, teacher_a):
    response = login(teacher_a).post(reverse("events:register", args=[event.pk]), follow=True)
    assert "Подтверждение отправлено по электронной почте" in response.content.decode()
