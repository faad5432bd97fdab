from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/webinar-42"


@pytest.fixture
def webinar():
    return EventFactory(
        title="Вебинар ГИА", format=Event.Format.ONLINE, online_url=LINK, capacity=1
    )


def test_online_link_is_hidden_from_visitors_and_outsiders(login, webinar, director_b):
    for user in (None, director_b):
        page = login(user).get(reverse("events:detail", args=[webinar.pk])).content.decode()
        assert LINK not in page
        assert "Видна зарегистрированным участникам" in page


def test_online_link_is_shown_to_confirmed_participants(login, webinar, teacher_a):
    RegistrationFactory(event=webinar, teacher=teacher_a.teacher_profile)
    page = login(teacher_a).get(reverse("events:detail", args=[webinar.pk])).content.decode()
    assert LINK in page


def test_online_link_is_hidden_from_the_waitlisted(login, webinar, teacher_a):
    RegistrationFactory(event=webinar)
    RegistrationFactory(
        event=webinar, teacher=teacher_a.teacher_profile, status=Registration.Status.WAITLISTED
    )
    page = login(teacher_a).get(reverse("events:detail", args=[webinar.pk])).content.decode()
    assert LINK not in page
    assert "Вы в листе ожидания под номером 1" in page


def test_online_link_is_not_in_the_ics_of_outsiders(login, webinar):
    body = login(None).get(reverse("events:ics", args=[webinar.pk])).content.decode()
    assert LINK not in body


def test_page_shows_seats_left(login, event):
    RegistrationFactory(event=event)
    page = login(None).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Свободно 29 из 30" in page


def test_organisers_see_average_rating(login, methodologist, attended_registration):
    from events.services import feedback_leave

    feedback_leave(registration=attended_registration, rating=4, comment="Очень полезно")
    url = reverse("events:detail", args=[attended_registration.event_id])
    page = login(methodologist).get(url).content.decode()
    assert "Средняя оценка 4,0 из 5 (1 оценка)." in page
    assert "Очень полезно" in page
    assert "Очень полезно" not in login(None).get(url).content.decode()


def test_a_full_event_offers_the_waiting_list_not_a_seat(login, webinar, teacher_a):
    RegistrationFactory(event=webinar)
    page = login(teacher_a).get(reverse("events:detail", args=[webinar.pk])).content.decode()
    assert "Встать в лист ожидания" in page
    assert "Зарегистрироваться</button>" not in page


def test_an_event_with_free_seats_offers_to_register(login, webinar, teacher_a):
    page = login(teacher_a).get(reverse("events:detail", args=[webinar.pk])).content.decode()
    assert "Зарегистрироваться</button>" in page


def test_the_place_names_the_host_school_beside_the_room(school_a):
    event = EventFactory(host_school=school_a, venue="каб. 21")
    assert event.place == f"{school_a}, каб. 21"
    assert EventFactory(host_school=school_a, venue="").place == str(school_a)
    assert EventFactory(host_school=None, venue="ИМЦ, зал 2").place == "ИМЦ, зал 2"


@pytest.mark.parametrize(
    ("seats", "text"),
    [(1, "1 место зарезервировано"), (3, "3 места зарезервированы"), (5, "5 мест зарезервировано")],
)
def test_page_names_the_reserved_seats_in_russian_plural(login, seats, text):
    event = EventFactory(
        capacity=30, reserved_seats=seats, reserved_until=timezone.now() + timedelta(days=3)
    )
    page = login(None).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert text in page
