import datetime as dt

import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.factories import UserFactory

LOCKED = "Вход временно заблокирован"


def fail(client, url, username, times=5, **extra):
    for _ in range(times):
        client.post(url, {"username": username, "password": "wrong"}, **extra)


def test_five_wrong_passwords_lock_out_even_the_right_one(client, db):
    UserFactory(username="ivanova")
    fail(client, reverse("login"), "ivanova")

    response = client.post(reverse("login"), {"username": "ivanova", "password": "pass12345"})

    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "Попробуйте снова через 15 минут" in html
    assert "_auth_user_id" not in client.session


def test_another_username_from_the_same_address_still_logs_in(client, db):
    UserFactory(username="ivanova")
    UserFactory(username="petrova")
    fail(client, reverse("login"), "ivanova")

    response = client.post(reverse("login"), {"username": "petrova", "password": "pass12345"})

    assert response.status_code == 302


def test_the_same_username_from_another_address_still_logs_in(client, db):
    UserFactory(username="ivanova")
    fail(client, reverse("login"), "ivanova", REMOTE_ADDR="10.0.0.1")

    response = client.post(
        reverse("login"),
        {"username": "ivanova", "password": "pass12345"},
        REMOTE_ADDR="10.0.0.2",
    )

    assert response.status_code == 302


def test_forwarded_for_is_ignored_without_a_trusted_proxy(client, db):
    UserFactory(username="ivanova")
    for number in range(5):
        client.post(
            reverse("login"),
            {"username": "ivanova", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )

    response = client.post(
        reverse("login"),
        {"username": "ivanova", "password": "pass12345"},
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )

    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_address_it_added_counts(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="ivanova")
    for number in range(5):
        # A client may send its own X-Forwarded-For; the proxy appends the real address.
        client.post(
            reverse("login"),
            {"username": "ivanova", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.7",
            REMOTE_ADDR="10.0.0.1",
        )

    def login_from(forwarded):
        return client.post(
            reverse("login"),
            {"username": "ivanova", "password": "pass12345"},
            HTTP_X_FORWARDED_FOR=forwarded,
            REMOTE_ADDR="10.0.0.1",
        ).status_code

    assert login_from("192.0.2.99, 198.51.100.7") == 429
    assert login_from("198.51.100.8") == 302


def test_login_works_again_after_the_cool_off(client, db):
    UserFactory(username="ivanova")
    start = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        fail(client, reverse("login"), "ivanova")
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        response = client.post(reverse("login"), {"username": "ivanova", "password": "pass12345"})

    assert response.status_code == 302


def test_admin_login_is_throttled_too(client, db):
    UserFactory(username="metodist", is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    fail(client, url, "metodist")

    response = client.post(url, {"username": "metodist", "password": "pass12345"})

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_force_login_is_not_throttled(login, teacher_a):
    fail(login(None), reverse("login"), teacher_a.username)

    assert login(teacher_a).get(reverse("home")).status_code == 200


def test_password_reset_is_limited_per_email(client, db):
    cache.clear()
    UserFactory(username="petrova", email="petrova@example.org")
    responses = [
        client.post(
            reverse("password_reset"),
            {"email": "petrova@example.org"},
            REMOTE_ADDR=f"10.0.1.{number}",
        )
        for number in range(4)
    ]

    assert [r.status_code for r in responses] == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    assert "Слишком много запросов на восстановление пароля" in responses[-1].content.decode()


def test_password_reset_is_limited_per_address(client, db):
    cache.clear()
    statuses = [
        client.post(reverse("password_reset"), {"email": f"user{n}@example.org"}).status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
