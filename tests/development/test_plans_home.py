"""The home page's development-plan cards for a teacher and a director."""

import pytest
from django.urls import reverse

from development.models.plans import DevelopmentPlan
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    questionnaire_with,
)
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def test_teacher_sees_her_plan_and_a_waiting_questionnaire(login, teacher_a):
    plan = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, theme="Смысловое чтение на уроках"
    )
    PlanItemFactory(plan=plan)
    questionnaire_with(["Работа с родителями"])

    content = login(teacher_a).get(reverse("home")).content.decode()

    assert "Смысловое чтение на уроках" in content
    assert "Анкета диагностики ждёт ваших ответов" in content
    assert reverse("development:plan_mine") in content


def test_director_sees_plans_to_approve_and_teachers_without_a_plan(login, director_a, school_a):
    DevelopmentPlanFactory(
        teacher=TeacherFactory(school=school_a), status=DevelopmentPlan.Status.SUBMITTED
    )
    TeacherFactory(school=school_a)

    content = login(director_a).get(reverse("home")).content.decode()

    assert "1 план ждёт вашего утверждения" in content
    assert "У 1 учителя нет плана на этот год" in content
