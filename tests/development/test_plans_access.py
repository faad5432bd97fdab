"""Every URL of development plans and diagnostics × every role → the expected status."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from development.models.plans import DevelopmentPlan
from development.services.questionnaires import response_submit
from tests.conftest import ROLES
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    questionnaire_with,
)

LOGIN = 302
ALL = dict.fromkeys(ROLES[1:], 200)


def row(anonymous=LOGIN, **statuses):
    return {"anonymous": anonymous, **statuses}


TEACHER_ONLY = row(
    teacher_a=200, director_a=403, director_b=403, methodologist=403, coordinator=403
)
OWNER_ONLY = row(teacher_a=200, director_a=403, director_b=404, methodologist=403, coordinator=403)
SEEN_BY_SCHOOL = row(
    teacher_a=200, director_a=200, director_b=404, methodologist=200, coordinator=200
)
OVERVIEW = row(teacher_a=403, director_a=200, director_b=200, methodologist=200, coordinator=200)

MATRIX = {
    "plan_list": OVERVIEW,
    "plan_export": OVERVIEW,
    "plan_summary": row(
        teacher_a=403, director_a=403, director_b=403, methodologist=200, coordinator=200
    ),
    "plan_mine": TEACHER_ONLY,
    "plan_create": TEACHER_ONLY,
    "plan_detail": SEEN_BY_SCHOOL,
    "plan_evidence": SEEN_BY_SCHOOL,
    "plan_edit": OWNER_ONLY,
    "plan_item_edit": OWNER_ONLY,
    "plan_item_complete": OWNER_ONLY,
    "plan_item_cancel": OWNER_ONLY,
    "plan_item_delete": OWNER_ONLY,
    "questionnaire_list": row(**ALL),
    "questionnaire_answer": TEACHER_ONLY,
    "questionnaire_results": OVERVIEW,
    "questionnaire_export": OVERVIEW,
    "response_detail": row(
        teacher_a=200, director_a=200, director_b=404, methodologist=200, coordinator=403
    ),
}

POST_ONLY = [
    "plan_submit",
    "plan_approve",
    "plan_return",
    "plan_complete",
    "plan_comment",
    "plan_item_add",
    "plan_item_add_event",
    "plan_item_reopen",
]


@pytest.fixture
def objects(teacher_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.DRAFT
    )
    item = PlanItemFactory(
        plan=plan, evidence_file=SimpleUploadedFile("programme.pdf", b"%PDF-1.4 test")
    )
    # The teacher has answered one questionnaire; another is still waiting for her.
    answered, statements = questionnaire_with(["Работа с родителями обучающихся"])
    waiting, _ = questionnaire_with(["Работа с родителями обучающихся"])
    response = response_submit(
        questionnaire=answered, teacher=teacher_a.teacher_profile, answers={statements[0].pk: 2}
    )
    return {"plan": plan, "item": item, "questionnaire": waiting, "response": response}


def url_for(name, objects):
    """The URL of ``name`` for the objects of the matrix, by ``reverse()``."""
    if (
        name in ("plan_list", "plan_export", "plan_summary", "plan_mine", "plan_create")
        or name == "questionnaire_list"
    ):
        args = []
    elif (
        name.startswith("plan_item_") and name not in ("plan_item_add", "plan_item_add_event")
    ) or name == "plan_evidence":
        args = [objects["item"].pk]
    elif name.startswith("plan_"):
        args = [objects["plan"].pk]
    elif name == "response_detail":
        args = [objects["response"].pk]
    else:
        args = [objects["questionnaire"].pk]
    return reverse(f"development:{name}", args=args)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", MATRIX)
def test_access_matrix(login, cast, objects, name, role):
    response = login(cast[role]).get(url_for(name, objects))

    assert response.status_code == MATRIX[name][role]


@pytest.mark.parametrize("name", POST_ONLY)
def test_changes_refuse_get(login, teacher_a, objects, name):
    assert login(teacher_a).get(url_for(name, objects)).status_code == 405


@pytest.mark.parametrize("name", POST_ONLY)
def test_anonymous_changes_go_to_login(login, objects, name):
    response = login(None).post(url_for(name, objects))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_director_of_another_school_cannot_approve(login, director_b, teacher_a):
    plan = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.SUBMITTED
    )

    response = login(director_b).post(reverse("development:plan_approve", args=[plan.pk]))

    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED


def test_teacher_cannot_approve_their_own_plan(login, teacher_a):
    plan = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.SUBMITTED
    )

    response = login(teacher_a).post(reverse("development:plan_approve", args=[plan.pk]))

    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED


@pytest.fixture
def teacher_b(school_b):
    from accounts.roles import Role
    from tests.accounts.factories import UserFactory
    from tests.schools.factories import TeacherFactory

    user = UserFactory(username="uchitel_b", role=Role.TEACHER)
    TeacherFactory(school=school_b, user=user)
    return user


CHANGES = [*POST_ONLY, *(name for name in MATRIX if name.startswith("plan_item_"))]
PAGES = [name for name, statuses in MATRIX.items() if statuses["director_b"] == 404]


@pytest.mark.parametrize("outsider", ["director_b", "teacher_b"])
@pytest.mark.parametrize(
    ("method", "name"), [*(("post", n) for n in CHANGES), *(("get", n) for n in PAGES)]
)
def test_staff_of_another_school_get_404(
    login, objects, director_b, teacher_b, outsider, method, name
):
    """A change sent by POST, or a page, of school A's plan is as unknown as the plan."""
    user = {"director_b": director_b, "teacher_b": teacher_b}[outsider]
    response = getattr(login(user), method)(url_for(name, objects))
    assert response.status_code == 404
