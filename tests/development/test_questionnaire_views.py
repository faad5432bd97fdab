"""Answering a questionnaire in the portal, and who sees which results."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from development.models.questionnaires import Response
from development.services.questionnaires import questionnaire_close, response_submit
from tests.development.factories import (
    questionnaire_with,
)
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db
STATEMENTS = ["Работа с обучающимися с низкой учебной мотивацией", "Взаимодействие с родителями"]


def test_teacher_answers_and_is_shown_her_answers(login, teacher_a):
    questionnaire, (first, second) = questionnaire_with(STATEMENTS)

    response = login(teacher_a).post(
        reverse("development:questionnaire_answer", args=[questionnaire.pk]),
        {f"d{first.pk}": "3", f"d{second.pk}": "1", "open_answer": "Работа с ОВЗ"},
    )

    saved = Response.objects.get(teacher=teacher_a.teacher_profile)
    assert response["Location"] == reverse("development:response_detail", args=[saved.pk])
    assert {a.difficulty_id: a.value for a in saved.answers.all()} == {first.pk: 3, second.pk: 1}
    assert saved.open_answer == "Работа с ОВЗ"


def test_a_missing_answer_keeps_the_form(login, teacher_a):
    questionnaire, (first, _second) = questionnaire_with(STATEMENTS)

    response = login(teacher_a).post(
        reverse("development:questionnaire_answer", args=[questionnaire.pk]), {f"d{first.pk}": "3"}
    )

    assert response.status_code == 200
    assert not Response.objects.exists()


def test_a_closed_questionnaire_says_so(login, teacher_a):
    questionnaire, (first, second) = questionnaire_with(STATEMENTS)
    client = login(teacher_a)
    client.get(reverse("development:questionnaire_answer", args=[questionnaire.pk]))
    questionnaire_close(questionnaire=questionnaire)

    response = client.post(
        reverse("development:questionnaire_answer", args=[questionnaire.pk]),
        {f"d{first.pk}": "3", f"d{second.pk}": "1"},
    )

    assert "Анкета закрыта" in response.content.decode()
    assert not Response.objects.exists()


@pytest.fixture
def answered(school_a, school_b):
    questionnaire, statements = questionnaire_with(STATEMENTS)
    for school, values in ((school_a, (3, 2)), (school_a, (1, 2)), (school_b, (0, 0))):
        response_submit(
            questionnaire=questionnaire,
            teacher=TeacherFactory(school=school, last_name=f"Отвечала{values[0]}"),
            answers=dict(zip([d.pk for d in statements], values, strict=True)),
        )
    return questionnaire


def test_director_sees_own_school_only_and_her_teachers_answers(
    login, director_a, school_a, answered
):
    url = reverse("development:questionnaire_results", args=[answered.pk])

    context = login(director_a).get(url).context

    assert [school.pk for school in context["results"].schools] == [school_a.pk]
    assert {r.school_id for r in context["page"].object_list} == {school_a.pk}
    first = context["rows"][0]
    assert first["cells"][0][0].average == pytest.approx(2.0)
    assert first["overall"][0].average == pytest.approx(4 / 3)


def test_coordinator_sees_every_school_but_no_individual_answers(
    login, coordinator, school_a, school_b, answered
):
    url = reverse("development:questionnaire_results", args=[answered.pk])

    context = login(coordinator).get(url).context

    assert {school.pk for school in context["results"].schools} == {school_a.pk, school_b.pk}
    assert not context["page"].object_list


def test_methodologist_filters_results_by_category(login, methodologist, school_a, answered):
    url = reverse("development:questionnaire_results", args=[answered.pk])

    context = login(methodologist).get(url, {"category": "low_results"}).context

    assert [school.pk for school in context["results"].schools] == [school_a.pk]
    assert len(context["page"].object_list) == 2


def test_results_export_has_a_sheet_per_school_and_subject(
    login, methodologist, school_a, answered
):
    url = reverse("development:questionnaire_export", args=[answered.pk])

    response = login(methodologist).get(url)

    workbook = load_workbook(BytesIO(response.content))
    rows = list(workbook["По школам"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Раздел", "Утверждение", "Муниципалитет")
    column = rows[0].index(school_a.short_name)
    assert rows[1][column] == 2.0
    assert rows[-1][column] == 2  # respondents
    assert "По предметам" in workbook.sheetnames


def test_results_page_costs_the_same_for_many_schools_and_answers(
    login, methodologist, django_assert_max_num_queries
):
    from development.services.questionnaires import response_submit
    from tests.development.factories import questionnaire_with
    from tests.schools.factories import SubjectFactory, TeacherFactory

    questionnaire, statements = questionnaire_with(["Мотивация учащихся", "Оценивание", "ИКТ"])
    subjects = SubjectFactory.create_batch(3)
    for teacher in TeacherFactory.create_batch(60):
        teacher.subjects.set(subjects)
        response_submit(
            questionnaire=questionnaire,
            teacher=teacher,
            answers={d.pk: 2 for d in statements},
        )
    client = login(methodologist)
    url = reverse("development:questionnaire_results", args=[questionnaire.pk])

    with django_assert_max_num_queries(15):
        response = client.get(url)

    assert response.status_code == 200
    rows = response.context["rows"]  # one row per statement, one cell per school of the page
    assert len(rows) == 3 and all(len(row["cells"]) == 12 for row in rows)
    assert "Школы 1–12 из 60, по названию." in response.content.decode()

    last = client.get(url, {"schools_page": 5})
    shown = [school for school, _n in last.context["results"].school_columns()]
    everyone = sorted({t.school for t in questionnaire.responses.all()}, key=lambda s: s.sort_name)
    assert [s.pk for s in shown] == [s.pk for s in everyone[48:]]
    assert all(n == 1 for _s, n in last.context["results"].school_columns())
