"""The monitoring permissions behind the 403/404 of a school's pages and the director's links."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

# role: may know school A's figures exist, keeps a school's indicators
EXPECTED = {
    "teacher_a": (True, False),
    "director_a": (True, True),
    "director_b": (False, True),
    "methodologist": (True, False),
    "coordinator": (True, False),
}


@pytest.mark.parametrize("role", ROLES[1:])
def test_permissions_by_role(cast, school_a, role):
    user = cast[role]

    assert (
        user.has_perm("monitoring.know_school_data", school_a),
        user.has_perm("monitoring.keep_school_indicators"),
    ) == EXPECTED[role]


def test_the_centre_goes_from_the_indicators_menu_to_the_schools_data(login, coordinator, period):
    response = login(coordinator).get(reverse("monitoring:entry_home"))

    assert response["Location"] == reverse("monitoring:submissions")


def test_a_teacher_has_no_school_dashboard_of_her_own(login, teacher_a):
    assert login(teacher_a).get(reverse("monitoring:dashboard_mine")).status_code == 404
