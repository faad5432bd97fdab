"""A teacher's own events page is kept per user as HTML, for a minute at most: every change
of theirs shows on the next visit, nobody gets another's page, and its forms still work."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from events.models import Registration
from events.services import calendar_feed_reset, feedback_leave, registration_cancel
from tests.conftest import _school_user

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def my_page(client, **query):
    response = client.get(reverse("events:my"), query)
    assert response.status_code == 200
    return response


def registered(user, **kwargs):
    return RegistrationFactory(teacher=user.teacher_profile, **kwargs)


def test_the_page_is_rendered_once_and_follows_a_cancellation(login, teacher_a):
    registration = registered(
        teacher_a, event=EventFactory(title="Семинар по функциональной грамотности")
    )
    client = login(teacher_a)
    my_page(client)  # makes the teacher's calendar feed: a change of the page's rows
    first = my_page(client)
    again = my_page(client)
    assert "events/_my_events_body.html" in [t.name for t in first.templates]
    assert "events/_my_events_body.html" not in [t.name for t in again.templates]
    assert "Отменить регистрацию" in again.content.decode()

    registration_cancel(registration=registration)

    page = my_page(client).content.decode()
    assert "Семинар по функциональной грамотности" in page
    assert "Отменить регистрацию" not in page


def test_a_teacher_never_gets_the_page_kept_for_another(login, teacher_a, school_a):
    registered(teacher_a, event=EventFactory(title="Семинар учителя А"))
    colleague = _school_user("uchitel_a2", Role.TEACHER, school_a)
    assert "Семинар учителя А" in my_page(login(teacher_a)).content.decode()

    page = my_page(login(colleague)).content.decode()

    assert "Семинар учителя А" not in page
    assert "Вы пока не зарегистрированы ни на одно мероприятие" in page


def test_feedback_and_a_new_feed_address_show_on_the_next_visit(login, teacher_a):
    began = timezone.now() - timedelta(days=1)
    event = EventFactory(starts_at=began, ends_at=began + timedelta(hours=2))
    registration = registered(teacher_a, event=event, attended=True)
    client = login(teacher_a)
    page = my_page(client).content.decode()
    assert "Оставить отзыв" in page

    feedback_leave(registration=registration, rating=5)
    feed = calendar_feed_reset(user=teacher_a)

    page = my_page(client).content.decode()
    assert "Изменить отзыв" in page
    assert feed.token in page


def test_the_cancel_form_of_a_kept_page_carries_a_token_that_is_accepted(teacher_a):
    registration = registered(teacher_a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher_a)
    my_page(client)

    page = my_page(client).content.decode()
    action = reverse("events:registration_cancel", args=[registration.pk])
    token = TOKEN.search(page[page.index(f'action="{action}"') :]).group(1)

    assert client.post(action).status_code == 403
    assert client.post(action, {"csrfmiddlewaretoken": token}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_a_long_history_is_paged(login, teacher_a):
    for _ in range(30):
        registered(teacher_a)
    client = login(teacher_a)

    first = my_page(client).content.decode()
    second = my_page(client, page=2).content.decode()

    assert first.count("<tr>") == 1 + 25
    assert second.count("<tr>") == 1 + 5
    assert "Страница 2 из 2" in second


def test_the_feed_address_follows_the_scheme_the_page_was_asked_by(login, teacher_a):
    client = login(teacher_a)
    my_page(client)  # makes the teacher's calendar feed
    plain = client.get(reverse("events:my")).content.decode()
    secure = client.get(reverse("events:my"), secure=True).content.decode()

    assert "http://testserver/" in plain and "https://testserver/" not in plain
    assert "https://testserver/" in secure
