"""Access matrix: a director enters and sees only their school; the centre sees all."""

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import IndicatorSubmission, Period
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
    # The error file of the file checked last: none is checked yet, hence 404.
    "import_errors": {
        "teacher_a": 403,
        "director_a": 403,
        "director_b": 403,
        "methodologist": 404,
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

# The changes answer GET with 405; by POST only the methodologist makes them (302 back to
# the page), and a director of another school does not learn that school A's data exists.
POST_ONLY = [
    "submission_approve",
    "submission_return",
    "period_state",
    "period_recalculate",
    "import_confirm",
]
MATRIX.update(dict.fromkeys(POST_ONLY, dict.fromkeys(ROLES[1:], 405)))
METHODOLOGIST_ONLY = {
    "teacher_a": 403,
    "director_a": 403,
    "director_b": 403,
    "methodologist": 302,
    "coordinator": 403,
}
POST_MATRIX = {
    # Values sent to school A's form: its director and the centre's methodologist enter
    # them (an empty form is shown again); another school's director learns nothing.
    "entry_a": {
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 403,
    },
    "submission_approve": {**METHODOLOGIST_ONLY, "director_b": 404},
    "submission_return": {**METHODOLOGIST_ONLY, "director_b": 404},
    "period_state": METHODOLOGIST_ONLY,
    "period_recalculate": METHODOLOGIST_ONLY,
    "import_confirm": METHODOLOGIST_ONLY,
}
POST_DATA = {
    "submission_return": {"comment": "Проверьте число победителей"},
    "period_state": {"state": "locked"},
}


@pytest.fixture
def submission(school_a, period):
    """School A's data for the period, sent to the centre."""
    return IndicatorSubmission.objects.create(
        school=school_a,
        period=period,
        state=IndicatorSubmission.State.SUBMITTED,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def urls(school_a, period):
    partnership = partnership_of(school_a)
    school_a_period = [school_a.pk, period.pk]
    return {
        "entry_a": reverse("monitoring:entry", args=[school_a.pk, period.pk]),
        "dashboard_school_a": reverse("monitoring:dashboard_school", args=[school_a.pk]),
        "dashboard_partnership": reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
        "dashboard_municipal": reverse("monitoring:dashboard_municipal"),
        "submissions": reverse("monitoring:submissions"),
        "periods": reverse("monitoring:periods"),
        "import": reverse("monitoring:import"),
        "import_errors": reverse("monitoring:import_errors"),
        "export": reverse("monitoring:export"),
        "submission_approve": reverse("monitoring:submission_approve", args=school_a_period),
        "submission_return": reverse("monitoring:submission_return", args=school_a_period),
        "period_state": reverse("monitoring:period_state", args=[period.pk]),
        "period_recalculate": reverse("monitoring:period_recalculate", args=[period.pk]),
        "import_confirm": reverse("monitoring:import_confirm"),
    }


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(page, role, cast, urls, login):
    response = login(cast[role]).get(urls[page])
    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        assert response.status_code == MATRIX[page][role]


@pytest.mark.parametrize("page", list(POST_MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_post_access_matrix(page, role, cast, urls, login, school_a, period, submission):
    response = login(cast[role]).post(urls[page], POST_DATA.get(page, {}))

    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
        return
    expected = POST_MATRIX[page][role]
    assert response.status_code == expected
    done = expected == 302
    if done:
        back = {
            "submission_approve": urls["entry_a"],
            "submission_return": urls["entry_a"],
            "import_confirm": urls["import"],
        }.get(page, urls["periods"])
        assert response["Location"] == back
    submission.refresh_from_db()
    period.refresh_from_db()
    changed = {
        "submission_approve": submission.state == IndicatorSubmission.State.APPROVED,
        "submission_return": submission.state == IndicatorSubmission.State.RETURNED,
        "period_state": period.state == Period.State.LOCKED,
    }
    if page in changed:
        assert changed[page] is done


def test_director_entry_home_leads_to_own_school(director_a, school_a, period, login):
    response = login(director_a).get(reverse("monitoring:entry_home"))
    assert response["Location"] == reverse("monitoring:entry", args=[school_a.pk, period.pk])


def test_director_dashboard_link_leads_to_own_school(director_a, school_a, login):
    response = login(director_a).get(reverse("monitoring:dashboard_mine"))
    assert response["Location"] == reverse("monitoring:dashboard_school", args=[school_a.pk])


def test_teacher_has_no_entry_home(teacher_a, period, login):
    assert login(teacher_a).get(reverse("monitoring:entry_home")).status_code == 404
