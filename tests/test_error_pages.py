"""The portal's own error pages: Russian, in its layout, with no traceback."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

ENGLISH = ("Not Found", "Server Error", "Forbidden", "Bad Request", "Traceback")


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def assert_russian_page(response, status, heading):
    text = response.content.decode()
    assert response.status_code == status
    assert heading in text
    assert "На главную страницу" in text
    for word in ENGLISH:
        assert word not in text


def test_unknown_address_answers_the_russian_404(client, db):
    response = client.get("/no-such-page/")

    assert_russian_page(response, 404, "Страница не найдена")
    assert "Методическая сеть" in response.content.decode()  # the portal's navigation bar


def test_teacher_on_the_plan_overview_gets_the_russian_403(login, teacher_a):
    response = login(teacher_a).get(reverse("development:plan_list"))

    assert_russian_page(response, 403, "Доступ запрещён")


def test_unknown_host_answers_the_russian_400(client, db):
    response = client.get("/", HTTP_HOST="unknown.example.org")

    assert_russian_page(response, 400, "Неверный запрос")


def test_form_without_csrf_token_answers_the_russian_403(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "x", "password": "y"})

    assert_russian_page(response, 403, "Форма устарела")


def test_server_error_page_is_russian_and_reads_nothing():
    """No database fixture: any query while rendering would fail the test."""
    response = server_error(RequestFactory().get("/"))

    assert_russian_page(response, 500, "Ошибка сервера")


def test_failing_view_answers_the_russian_500(login, methodologist, monkeypatch):
    """A real view that breaks: the home page's cards raise."""
    client = login(methodologist)
    client.raise_request_exception = False

    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("config.views.home_cards", broken)
    response = client.get(reverse("home"))

    assert_russian_page(response, 500, "Ошибка сервера")
    assert "boom" not in response.content.decode()
