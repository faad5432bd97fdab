"""The partnerships overview is kept as HTML and a roadmap's rows are kept per roadmap;
every change shows on the next visit and no school sees another's partnerships."""

import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from core.kept_html import CSRF_PLACEHOLDER, _holds_no_real_token
from network.models import Stage
from network.services import stage_submit
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory

from .factories import add_activity, add_problem, open_joint_activity, stage

pytestmark = pytest.mark.django_db


def overview(client):
    response = client.get(reverse("network:list"))
    assert response.status_code == 200
    return response.content.decode()


def strip_tokens(page):
    """The page without its CSRF tokens, which are masked afresh on every request."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def roadmap(client, partnership):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("network:roadmap", args=[partnership.pk]))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_overview_follows_a_rename_and_a_new_school(
    login, methodologist, partnership, school_b
):
    client = login(methodologist)
    assert "СОШ № 1 и СОШ № 101" in overview(client)

    partnership.title = "Партнёрство «Шаг вперёд»"
    partnership.save()
    assert "Шаг вперёд" in overview(client)

    partnership.schools.add(school_b)
    assert html.escape(str(school_b)) in overview(client)


def test_a_school_never_gets_an_overview_kept_for_another(
    login, methodologist, director_a, director_b, partnership
):
    assert "СОШ № 1 и СОШ № 101" in overview(login(methodologist))
    assert "СОШ № 1 и СОШ № 101" in overview(login(director_a))
    assert "СОШ № 1 и СОШ № 101" not in overview(login(director_b))


def test_the_overview_follows_a_submitted_stage(login, methodologist, director_a, partnership):
    add_problem(partnership, by=director_a)
    client = login(methodologist)
    before = overview(client)

    stage_submit(stage=stage(partnership, Stage.Kind.ACQUAINTANCE), by=director_a)

    assert overview(client) != before


def test_a_roadmap_is_read_once_and_follows_every_change(
    login, methodologist, director_a, partnership
):
    client = login(director_a)
    joint = open_joint_activity(partnership)
    first, first_queries = roadmap(client, partnership)
    again, again_queries = roadmap(client, partnership)
    assert strip_tokens(again) == strip_tokens(first)
    assert again_queries <= first_queries - 5

    activity = add_activity(joint, by=director_a, title="Открытые уроки по физике")
    page, _ = roadmap(client, partnership)
    assert "Открытые уроки по физике" in page

    EventFactory(title="Семинар по итогам уроков", activity=activity)
    page, _ = roadmap(client, partnership)
    assert "Семинар по итогам уроков" in page


def test_a_roadmap_kept_for_a_methodologist_keeps_a_directors_rights(
    login, methodologist, director_a, director_b, partnership
):
    roadmap(login(methodologist), partnership)

    assert roadmap(login(director_a), partnership)[0]
    response = login(director_b).get(reverse("network:roadmap", args=[partnership.pk]))
    assert response.status_code == 404


def body(page):
    """The page after the menu (which names the reader), without its CSRF tokens."""
    return strip_tokens(page[page.index('<nav aria-label="breadcrumb">') :])


def _stages_rendered(response):
    return "network/_roadmap_stages.html" in [t.name for t in response.templates]


def test_a_roadmaps_stages_are_rendered_once_for_readers_with_the_same_rights(
    login, methodologist, partnership
):
    other = UserFactory(username="metodist2", role=Role.METHODOLOGIST)
    url = reverse("network:roadmap", args=[partnership.pk])

    first = login(methodologist).get(url)
    second = login(other).get(url)

    assert _stages_rendered(first)
    assert not _stages_rendered(second)
    first_page, second_page = first.content.decode(), second.content.decode()
    assert body(second_page) == body(first_page)
    assert 'id="stage-3"' in second_page
    assert CSRF_PLACEHOLDER not in second_page


def test_a_kept_roadmap_gives_each_reader_a_token_its_forms_are_accepted_with(
    methodologist, director_a, partnership
):
    url = reverse("network:roadmap", args=[partnership.pk])
    first = Client(enforce_csrf_checks=True)
    first.force_login(methodologist)
    first.get(url)
    client = Client(enforce_csrf_checks=True)
    client.force_login(director_a)

    page = client.get(url).content.decode()
    acquaintance = stage(partnership, Stage.Kind.ACQUAINTANCE)
    action = reverse("network:stage_comment", args=[acquaintance.pk])
    form = page[page.index(f'action="{action}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

    assert client.post(action, {"text": "Без токена"}).status_code == 403
    answer = client.post(action, {"text": "Проблемы записаны", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert acquaintance.comments.filter(text="Проблемы записаны").exists()


def test_a_reader_with_fewer_rights_never_gets_the_buttons_kept_for_more(
    login, methodologist, director_a, teacher_a, partnership
):
    add_problem(partnership, by=director_a)
    url = reverse("network:roadmap", args=[partnership.pk])
    director_page = login(director_a).get(url).content.decode()
    teacher_page = login(teacher_a).get(url).content.decode()

    assert "Добавить проблему" in director_page
    assert "Добавить проблему" not in teacher_page
    assert "Отправить этап на проверку" in director_page
    assert "Отправить этап на проверку" not in teacher_page


def test_a_part_holding_a_sessions_own_token_is_refused():
    real = '<form><input name="csrfmiddlewaretoken" value="a-real-token"></form>'
    placeholder = f'<form><input name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}"></form>'

    assert not _holds_no_real_token(real)
    assert not _holds_no_real_token(placeholder + real)
    assert _holds_no_real_token(placeholder + "<p>Этап 1</p>")
