"""A roadmap's history is kept in the shared cache until its stages, problems or
activities change, and every change shows at once."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import Problem, Stage
from network.services import stage_submit

from .factories import add_problem, stage

pytestmark = pytest.mark.django_db


def _rows(response):
    """The «What» cells of the page's history table, newest first."""
    page = response.content.decode()
    section = page[page.index('id="history-title"') :]
    section = section[: section.index("</section>")]
    return [html.unescape(cell) for cell in re.findall(r"<td>(?!<)([^<]*)</td></tr>", section)]


def _history(client, partnership):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("network:roadmap", args=[partnership.pk]))
    assert response.status_code == 200
    return _rows(response), len(queries)


def test_a_second_visit_reads_the_kept_history(partnership, login, director_a):
    add_problem(partnership, by=director_a, title="Низкие результаты ОГЭ")
    client = login(director_a)

    first, first_queries = _history(client, partnership)
    again, again_queries = _history(client, partnership)

    assert again == first
    assert any(row.startswith("Проблема «Низкие результаты ОГЭ» — ") for row in first)
    assert again_queries <= first_queries - 4  # the history tables are not read again


def test_a_submitted_stage_and_a_deleted_problem_show_at_once(partnership, login, director_a):
    problem = add_problem(partnership, by=director_a, title="Низкие результаты ОГЭ")
    client = login(director_a)
    _history(client, partnership)

    stage_submit(stage=stage(partnership, Stage.Kind.ACQUAINTANCE), by=director_a)
    after_submit, _ = _history(client, partnership)
    Problem.objects.filter(pk=problem.pk).get().delete()
    after_delete, _ = _history(client, partnership)

    assert after_submit[0].startswith("Этап")
    assert any(" — удален" in row for row in after_delete)
    assert len(after_delete) == len(after_submit) + 1


def test_the_kept_history_follows_a_rename_of_its_author(partnership, login, director_a):
    director_a.last_name = "Старова"
    director_a.save()
    add_problem(partnership, by=director_a, title="Низкие результаты ОГЭ")
    client = login(director_a)
    assert (
        "Старова" in client.get(reverse("network:roadmap", args=[partnership.pk])).content.decode()
    )

    director_a.last_name = "Новикова"
    director_a.save()

    page = client.get(reverse("network:roadmap", args=[partnership.pk])).content.decode()
    assert "Новикова" in page and "Старова" not in page
