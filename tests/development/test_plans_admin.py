"""A methodologist composes questionnaires and plan templates in the admin."""

import pytest
from django.urls import reverse

from development.models.questionnaires import Questionnaire
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    QuestionnaireFactory,
    questionnaire_with,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:development_questionnaire_changelist",
        "admin:development_questionnaire_add",
        "admin:development_section_add",
        "admin:development_plantemplate_add",
        "admin:development_developmentplan_changelist",
        "admin:development_response_changelist",
    ],
)
def test_methodologist_opens_the_admin_pages(login, methodologist, name):
    assert login(methodologist).get(reverse(name)).status_code == 200


def test_methodologist_sees_a_plan_read_only(login, methodologist):
    plan = PlanItemFactory().plan

    url = reverse("admin:development_developmentplan_change", args=[plan.pk])

    response = login(methodologist).get(url)

    assert response.status_code == 200
    assert not response.context["has_change_permission"]


def test_admin_action_opens_a_composed_questionnaire(login, methodologist):
    composed, _statements = questionnaire_with(["ГИА"], status=Questionnaire.Status.DRAFT)
    empty = QuestionnaireFactory(status=Questionnaire.Status.DRAFT)

    login(methodologist).post(
        reverse("admin:development_questionnaire_changelist"),
        {"action": "open_questionnaires", "_selected_action": [composed.pk, empty.pk]},
    )

    composed.refresh_from_db()
    empty.refresh_from_db()
    assert composed.status == Questionnaire.Status.OPEN
    assert empty.status == Questionnaire.Status.DRAFT


def test_director_has_no_admin(login, director_a):
    DevelopmentPlanFactory()

    response = login(director_a).get(reverse("admin:development_developmentplan_changelist"))

    assert response.status_code == 302


def test_plans_admin_filters_by_academic_year(login, methodologist):
    older = DevelopmentPlanFactory(year=2023)
    DevelopmentPlanFactory(year=2025)
    url = reverse("admin:development_developmentplan_changelist")
    client = login(methodologist)

    page = client.get(url).content.decode()
    listed = client.get(url, {"year": "2023"}).context["cl"].result_list

    assert all(label in page for label in ["2025/2026", "2024/2025", "2023/2024"])
    assert list(listed) == [older]
    assert client.get(url, {"year": "двадцать"}).status_code == 200
