"""The diagnostics' aggregates come from the shared cache until the answers change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.figures_cache import area_changed
from development.kept import RESULTS
from development.services.questionnaires import response_submit
from schools.models import School
from tests.development.factories import questionnaire_with
from tests.schools.factories import SubjectFactory, TeacherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(school_a):
    questionnaire, statements = questionnaire_with(["Мотивация учащихся", "Оценивание"])
    subject = SubjectFactory(name="Химия")
    teacher = TeacherFactory(school=school_a)
    teacher.subjects.set([subject])
    _answer(questionnaire, statements, teacher, 3)
    return questionnaire, statements, subject


def _answer(questionnaire, statements, teacher, value):
    response_submit(
        questionnaire=questionnaire,
        teacher=teacher,
        answers={statement.pk: value for statement in statements},
    )


def _results(client, questionnaire, **query):
    url = reverse("development:questionnaire_results", args=[questionnaire.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    return response, len(queries)


def _overall(response):
    return response.context["rows"][0]["overall"][0].average


def test_a_second_visit_reads_the_kept_aggregates(login, methodologist, answered):
    questionnaire, _statements, _subject = answered
    client = login(methodologist)

    first, first_queries = _results(client, questionnaire)
    # The page's rows are kept as HTML too: made again here, they read the kept aggregates.
    area_changed(RESULTS)
    again, again_queries = _results(client, questionnaire)

    assert again_queries <= first_queries - 4
    assert _overall(again) == _overall(first) == pytest.approx(3)
    assert "3,00" in again.content.decode()


def test_a_new_answer_is_shown_at_once(login, methodologist, school_a, school_b, answered):
    questionnaire, statements, _subject = answered
    client = login(methodologist)
    _results(client, questionnaire)

    _answer(questionnaire, statements, TeacherFactory(school=school_b), 1)

    response, _ = _results(client, questionnaire)
    assert _overall(response) == pytest.approx(2)
    assert {school.pk for school in response.context["results"].schools} == {
        school_a.pk,
        school_b.pk,
    }
    assert response.context["columns"].paginator.count == 2


def test_a_teachers_new_subject_is_shown_at_once(login, methodologist, school_a, answered):
    questionnaire, _statements, _subject = answered
    client = login(methodologist)
    _results(client, questionnaire)

    teacher = questionnaire.responses.get().teacher
    teacher.subjects.add(SubjectFactory(name="Биология"))

    response, _ = _results(client, questionnaire)
    assert [s.name for s in response.context["results"].subjects] == ["Биология", "Химия"]


def test_a_school_that_changes_category_leaves_the_filtered_results(
    login, methodologist, school_a, answered
):
    questionnaire, _statements, _subject = answered
    client = login(methodologist)
    before, _ = _results(client, questionnaire, category=School.Category.LOW_RESULTS)
    assert [school.pk for school in before.context["results"].schools] == [school_a.pk]

    school_a.category = School.Category.REGULAR
    school_a.save()

    after, _ = _results(client, questionnaire, category=School.Category.LOW_RESULTS)
    assert after.context["results"].schools == []
    assert after.context["columns"].paginator.count == 0
    assert "Пока никто не ответил" in after.content.decode()
