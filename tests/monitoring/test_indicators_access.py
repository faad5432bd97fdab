"""Access matrix: a director enters and sees only their school; the centre sees all."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.monitoring.factories import partnership_of

pytestmark = pytest.mark.django_db

# role → expected status, per page; 302 for anonymous is the login redirect.
MATRIX = {
    "entry_a": {
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
    "dashboard_school_a": {
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
    "dashboard_partnership": {
        "teacher_a": 404,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
    "dashboard_municipal": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 200,
        "coordinator": 200,
    },
    "submissions": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 200,
        "coordinator": 200,
    },
    "periods": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 200,
        "coordinator": 200,
    },
    "import": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 200,
        "coordinator": 403,
    },
    "export": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 200,
        "coordinator": 200,
    },
}


@pytest.fixture
def urls(school_a, period):
    partnership = partnership_of(school_a)
    return {
        "entry_a": reverse("monitoring:entry", args=[school_a.pk, period.pk]),
        "dashboard_school_a": reverse("monitoring:dashboard_school", args=[school_a.pk]),
        "dashboard_partnership": reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
        "dashboard_municipal": reverse("monitoring:dashboard_municipal"),
        "submissions": reverse("monitoring:submissions"),
        "periods": reverse("monitoring:periods"),
        "import": reverse("monitoring:import"),
        "export": reverse("monitoring:export"),
    }


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(page, role, cast, urls, login):
    response = login(cast[role]).get(urls[page])
    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        assert response.status_code == MATRIX[page][role]


def test_director_entry_home_leads_to_own_school(director_a, school_a, period, login):
    response = login(director_a).get(reverse("monitoring:entry_home"))
    assert response["Location"] == reverse("monitoring:entry", args=[school_a.pk, period.pk])


def test_director_dashboard_link_leads_to_own_school(director_a, school_a, login):
    response = login(director_a).get(reverse("monitoring:dashboard_mine"))
    assert response["Location"] == reverse("monitoring:dashboard_school", args=[school_a.pk])


def test_teacher_has_no_entry_home(teacher_a, period, login):
    assert login(teacher_a).get(reverse("monitoring:entry_home")).status_code == 404
