"""The partnerships overview is kept as HTML and a roadmap's rows are kept per roadmap;
every change shows on the next visit and no school sees another's partnerships."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import Stage
from network.services import stage_submit
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
