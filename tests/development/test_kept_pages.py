"""The plan lists', the diagnostics results' and «my plans» rows, kept as HTML: a change
shows at once, a part kept for one scope is never shown to another, and the next visit
reads fewer rows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.services import user_set_role
from development.models.plans import DevelopmentPlan, PlanItem
from development.services.questionnaires import response_submit
from tests.accounts.factories import UserFactory
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    questionnaire_with,
)
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db
S = DevelopmentPlan.Status
SUMMARY = reverse("development:plan_summary")
PLAN_LIST = reverse("development:plan_list")
MY_PLANS = reverse("development:plan_mine")
START_A_PLAN = reverse("development:plan_create") + "?teacher="


def _visit(client, url, **query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _same_page(one, other):
    """The same page but for the logout form's token and the scripts' nonce."""
    tokens = re.compile(r'(value|nonce)="[^"]*"')
    return tokens.sub("", one) == tokens.sub("", other)


def _progress(done, total):
    return f'<span class="small text-nowrap">{done}/{total}</span>'


@pytest.fixture
def plan_a(school_a):
    """A teacher of school A with a draft plan of one planned item."""
    teacher = TeacherFactory(school=school_a, last_name="Алексеева")
    plan = DevelopmentPlanFactory(teacher=teacher, theme="Смысловое чтение")
    PlanItemFactory(plan=plan)
    return plan


# --- the plans summary by school ---------------------------------------------


def test_summary_shows_a_done_item_and_a_new_school_name_at_once(login, methodologist, plan_a):
    client = login(methodologist)
    before, _ = _visit(client, SUMMARY)
    assert _progress(0, 1) in before

    item = plan_a.items.get()
    item.status = PlanItem.Status.DONE
    item.completion = PlanItem.Completion.MANUAL
    item.completed_at = timezone.now()
    item.save()
    school = plan_a.teacher.school
    school.short_name = "МАОУ Лицей № 7"
    school.save()

    after, _ = _visit(client, SUMMARY)
    assert _progress(1, 1) in after
    assert "Лицей" in after and "СОШ" not in after


def test_summary_shows_a_new_teacher_at_once(login, coordinator, plan_a):
    client = login(coordinator)
    _visit(client, SUMMARY)

    PlanItemFactory(
        plan=DevelopmentPlanFactory(teacher=TeacherFactory(school=plan_a.teacher.school))
    )

    assert _progress(0, 2) in _visit(client, SUMMARY)[0]


def test_summary_kept_for_the_centre_is_refused_to_a_director(
    login, methodologist, director_a, plan_a
):
    _visit(login(methodologist), SUMMARY)

    assert login(director_a).get(SUMMARY).status_code == 403


def test_summary_second_visit_reads_fewer_rows(login, methodologist, plan_a):
    client = login(methodologist)

    first, first_queries = _visit(client, SUMMARY)
    again, again_queries = _visit(client, SUMMARY)

    assert again_queries < first_queries
    assert _same_page(again, first)


# --- the plan list -----------------------------------------------------------


def test_plan_list_shows_a_submitted_plan_and_a_renamed_teacher_at_once(login, director_a, plan_a):
    client = login(director_a)
    before, _ = _visit(client, PLAN_LIST)
    assert "text-bg-secondary" in before and "text-bg-warning" not in before

    plan_a.status = S.SUBMITTED
    plan_a.save()
    teacher = plan_a.teacher
    teacher.last_name = "Борисова"
    teacher.save()

    after, _ = _visit(client, PLAN_LIST)
    assert "text-bg-warning" in after
    assert "Борисова" in after and "Алексеева" not in after


def test_plan_list_shows_a_new_item_at_once(login, methodologist, plan_a):
    client = login(methodologist)
    _visit(client, PLAN_LIST)

    PlanItemFactory(plan=plan_a)

    assert _progress(0, 2) in _visit(client, PLAN_LIST)[0]


def test_plan_list_leaves_out_a_teacher_who_becomes_director(login, methodologist, plan_a):
    teacher = plan_a.teacher
    teacher.user = UserFactory(username="alekseeva", role=Role.TEACHER)
    teacher.save()
    client = login(methodologist)
    assert "Алексеева" in _visit(client, PLAN_LIST)[0]

    user_set_role(user=teacher.user, role=Role.DIRECTOR)

    assert "Алексеева" not in _visit(client, PLAN_LIST)[0]


def test_a_login_keeps_the_plan_list(login, methodologist, plan_a):
    other = UserFactory(username="drugoi", role=Role.TEACHER)
    client = login(methodologist)
    _visit(client, PLAN_LIST)
    # A write that sends no signal: shown only once the list is made again.
    TeacherFactory._meta.model.objects.filter(pk=plan_a.teacher_id).update(last_name="Борисова")

    login(other)  # saves the user's last_login

    assert "Алексеева" in _visit(client, PLAN_LIST)[0]


def test_another_schools_director_never_gets_the_list_kept_for_a_director(
    login, director_a, director_b, plan_a, school_b
):
    TeacherFactory(school=school_b, last_name="Васильева")
    assert "Алексеева" in _visit(login(director_a), PLAN_LIST)[0]

    seen = _visit(login(director_b), PLAN_LIST)[0]

    assert "Алексеева" not in seen and "Васильева" in seen


def test_a_coordinator_never_gets_the_start_buttons_kept_for_a_methodologist(
    login, methodologist, coordinator, school_a
):
    TeacherFactory(school=school_a, last_name="Беспланова")  # no plan: «Start a plan»
    assert START_A_PLAN in _visit(login(methodologist), PLAN_LIST)[0]

    seen = _visit(login(coordinator), PLAN_LIST)[0]

    assert "Беспланова" in seen and START_A_PLAN not in seen


def test_plan_list_second_visit_reads_fewer_rows(login, director_a, plan_a):
    client = login(director_a)

    first, first_queries = _visit(client, PLAN_LIST)
    again, again_queries = _visit(client, PLAN_LIST)

    assert again_queries < first_queries
    assert _same_page(again, first)


# --- the questionnaire results -----------------------------------------------


@pytest.fixture
def answered(school_a, school_b):
    """A questionnaire answered by a teacher of each school."""
    questionnaire, statements = questionnaire_with(["Мотивация учащихся"])
    for school, name in ((school_a, "Алексеева"), (school_b, "Васильева")):
        response_submit(
            questionnaire=questionnaire,
            teacher=TeacherFactory(school=school, last_name=name),
            answers={statements[0].pk: 3},
        )
    return questionnaire, statements[0]


def _results_url(questionnaire):
    return reverse("development:questionnaire_results", args=[questionnaire.pk])


def test_results_show_a_new_answer_a_statement_and_a_name_at_once(
    login, methodologist, school_a, answered
):
    questionnaire, statement = answered
    url = _results_url(questionnaire)
    client = login(methodologist)
    before, _ = _visit(client, url)
    assert "3,00" in before and "Мотивация учащихся" in before

    response_submit(
        questionnaire=questionnaire,
        teacher=TeacherFactory(school=school_a, last_name="Григорьева"),
        answers={statement.pk: 0},
    )
    after_answer, _ = _visit(client, url)
    assert "2,00" in after_answer and "Григорьева" in after_answer

    statement.text = "Работа с родителями"
    statement.save()
    teacher = questionnaire.responses.get(teacher__last_name="Алексеева").teacher
    teacher.last_name = "Борисова"
    teacher.save()
    after, _ = _visit(client, url)
    assert "Работа с родителями" in after and "Мотивация учащихся" not in after
    assert "Борисова" in after and "Алексеева" not in after


def test_results_of_another_questionnaire_are_not_the_kept_ones(login, methodologist, answered):
    client = login(methodologist)
    _visit(client, _results_url(answered[0]))
    other, _ = questionnaire_with(["Оценивание"])

    seen, _ = _visit(client, _results_url(other))

    assert "Пока никто не ответил" in seen
    assert "Мотивация учащихся" not in seen and "Алексеева" not in seen


def test_another_schools_director_never_gets_the_results_kept_for_a_director(
    login, director_a, director_b, answered
):
    url = _results_url(answered[0])
    assert "Алексеева" in _visit(login(director_a), url)[0]

    seen = _visit(login(director_b), url)[0]

    assert "Васильева" in seen and "Алексеева" not in seen


def test_a_coordinator_never_gets_the_answers_kept_for_a_methodologist(
    login, methodologist, coordinator, answered
):
    url = _results_url(answered[0])
    assert "Алексеева" in _visit(login(methodologist), url)[0]

    seen = _visit(login(coordinator), url)[0]

    assert "3,00" in seen and "Алексеева" not in seen


def test_results_second_visit_reads_fewer_rows(login, coordinator, answered):
    client = login(coordinator)
    url = _results_url(answered[0])

    first, first_queries = _visit(client, url)
    again, again_queries = _visit(client, url)

    assert again_queries < first_queries
    assert _same_page(again, first)


# --- a teacher's own plans ----------------------------------------------------


@pytest.fixture
def my_plan(teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.APPROVED)
    PlanItemFactory(plan=plan)
    return plan


def test_my_plans_show_a_new_item_a_theme_and_a_registration_at_once(login, teacher_a, my_plan):
    client = login(teacher_a)
    before, _ = _visit(client, MY_PLANS)
    assert _progress(0, 1) in before and "не внесено в ваш план" not in before

    PlanItemFactory(plan=my_plan)
    my_plan.theme = "Тьюторское сопровождение проектов"
    my_plan.save()
    RegistrationFactory(event=EventFactory(), teacher=teacher_a.teacher_profile)

    after, _ = _visit(client, MY_PLANS)
    assert _progress(0, 2) in after and "Тьюторское сопровождение проектов" in after
    assert "не внесено в ваш план" in after


def test_my_plans_show_a_new_questionnaire_and_the_create_button_at_once(login, teacher_a, my_plan):
    client = login(teacher_a)
    before, _ = _visit(client, MY_PLANS)
    assert "Ответить на анкету" not in before
    assert reverse("development:plan_create") in before  # next year's plan may be started

    questionnaire_with(["Оценивание"])
    DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, year=my_plan.year + 1)

    after, _ = _visit(client, MY_PLANS)
    assert "Ответить на анкету" in after
    assert reverse("development:plan_create") not in after


def test_another_teacher_never_gets_the_plans_kept_for_a_teacher(
    login, teacher_a, school_a, my_plan
):
    other = UserFactory(username="uchitel_drugoi", role=Role.TEACHER)
    TeacherFactory(school=school_a, user=other)
    my_plan.theme = "Тьюторское сопровождение проектов"
    my_plan.save()
    assert "Тьюторское сопровождение проектов" in _visit(login(teacher_a), MY_PLANS)[0]

    seen = _visit(login(other), MY_PLANS)[0]

    assert "Тьюторское сопровождение проектов" not in seen
    assert "У вас ещё нет индивидуального плана" in seen


def test_my_plans_second_visit_reads_fewer_rows(login, teacher_a, my_plan):
    client = login(teacher_a)

    first, first_queries = _visit(client, MY_PLANS)
    again, again_queries = _visit(client, MY_PLANS)

    assert again_queries < first_queries
    assert _same_page(again, first)
