"""The development permissions that no page of the access matrix asks alone."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.conftest import ROLES
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    # permission: anonymous, teacher_a, director_a, director_b, methodologist, coordinator
    "development.start_plans": (False, False, True, True, True, False),
    "development.review_school_plans": (False, False, True, True, False, False),
    "development.compose_questionnaire": (False, False, False, False, True, False),
    "development.view_all_schools": (False, False, False, False, True, True),
}


@pytest.mark.parametrize("perm", EXPECTED)
@pytest.mark.parametrize("role", ROLES)
def test_permission_by_role(cast, perm, role):
    user = cast[role] or AnonymousUser()

    assert user.has_perm(perm) is EXPECTED[perm][ROLES.index(role)]


@pytest.mark.parametrize(
    ("role", "known"),
    [
        ("teacher_a", True),
        ("director_a", True),
        ("director_b", False),
        ("methodologist", True),
        ("coordinator", True),
    ],
)
def test_a_teacher_is_known_to_the_centre_and_her_school(cast, school_a, role, known):
    teacher = TeacherFactory(school=school_a)

    assert cast[role].has_perm("development.know_teacher", teacher) is known


def test_a_coordinator_may_not_start_a_plan_but_is_told_so(login, coordinator, school_a):
    teacher = TeacherFactory(school=school_a)

    url = reverse("development:plan_create")

    response = login(coordinator).get(url, {"teacher": teacher.pk})

    assert response.status_code == 403


def test_plan_list_offers_to_start_plans_to_directors_only(login, cast, school_a):
    TeacherFactory(school=school_a, last_name="Беспланова")

    plans = reverse("development:plan_list")
    start = reverse("development:plan_create") + "?teacher="

    director = login(cast["director_a"]).get(plans, {"status": "none"})
    coordinator = login(cast["coordinator"]).get(plans, {"status": "none"})

    assert start in director.content.decode()
    assert start not in coordinator.content.decode()
