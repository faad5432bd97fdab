"""Every network URL × every role → the expected status."""

import pytest
from django.urls import reverse

from network.models import Stage
from tests.conftest import ROLES
from tests.schools.factories import TeacherFactory

from .factories import (
    MentorshipFactory,
    MethodicalAssociationFactory,
    add_activity,
    add_problem,
    complete,
    pdf,
    stage,
)

# anonymous, teacher_a, director_a, director_b (not a member), methodologist, coordinator
READ = dict(zip(ROLES, [302, 200, 200, 404, 200, 200], strict=True))
WRITE = dict(zip(ROLES, [302, 403, 200, 404, 200, 403], strict=True))
WRITE_CLOSED = dict(zip(ROLES, [302, 403, 302, 404, 302, 403], strict=True))
REVIEW = dict(zip(ROLES, [302, 403, 403, 404, 302, 403], strict=True))
SUBMIT = dict(zip(ROLES, [302, 403, 302, 404, 403, 403], strict=True))
COMMENT = dict(zip(ROLES, [302, 403, 302, 404, 302, 403], strict=True))
EVERYONE = dict(zip(ROLES, [302, 200, 200, 200, 200, 200], strict=True))
METHODOLOGIST_ONLY = dict(zip(ROLES, [302, 403, 403, 403, 200, 403], strict=True))
NOT_GET = dict(zip(ROLES, [302, 405, 405, 405, 405, 405], strict=True))

MATRIX = [
    ("list", "get", None, EVERYONE),
    ("list_export", "get", None, EVERYONE),
    ("partnership_add", "get", None, METHODOLOGIST_ONLY),
    ("roadmap", "get", "partnership", READ),
    ("roadmap_export", "get", "partnership", READ),
    ("agreement", "get", "partnership", READ),
    ("problem_add", "get", "partnership", WRITE),
    ("conclusion", "get", "partnership", WRITE_CLOSED),
    ("problem_edit", "get", "problem", WRITE),
    ("problem_outcome", "get", "problem", WRITE_CLOSED),
    ("stage_submit", "get", "stage", NOT_GET),
    ("stage_submit", "post", "stage", SUBMIT),
    ("stage_accept", "get", "stage", NOT_GET),
    ("stage_accept", "post", "stage", REVIEW),
    ("stage_return", "post", "stage", REVIEW),
    ("stage_comment", "post", "stage", COMMENT),
    ("activity_add", "get", "stage", WRITE),
    ("activity_edit", "get", "activity", WRITE),
    ("activity_complete", "get", "activity", WRITE),
    ("activity_evidence", "get", "activity", READ),
    # The same answers to a change sent by POST: never a 403 to a school outside.
    ("problem_edit", "post", "problem", WRITE),
    ("problem_outcome", "post", "problem", WRITE_CLOSED),
    ("activity_edit", "post", "activity", WRITE),
    ("activity_complete", "post", "activity", WRITE),
    ("associations", "get", None, EVERYONE),
    ("association", "get", "association", READ),
    ("mentorships", "get", None, EVERYONE),
]


@pytest.fixture
def world(partnership, school_a, leader):
    """One object of every kind, all belonging to school A's partnership."""
    partnership.agreement_file.save("agreement.pdf", pdf(), save=True)
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    activity = add_activity(first, school=school_a)
    complete(activity, file=pdf())
    return {
        "partnership": partnership,
        "stage": first,
        "problem": add_problem(partnership, school=school_a),
        "activity": activity,
        "association": MethodicalAssociationFactory(leader=TeacherFactory(school=school_a)),
        "mentorship": MentorshipFactory(mentee=TeacherFactory(school=school_a)),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "target", "expected"),
    MATRIX,
    ids=[f"{name}-{method}" for name, method, _target, _expected in MATRIX],
)
def test_access_matrix(world, cast, login, role, name, method, target, expected):
    args = [world[target].pk] if target else []
    url = reverse(f"network:{name}", args=args)
    client = login(cast[role])
    data = {"text": "Комментарий", "comment": "Доработайте"} if method == "post" else None
    response = getattr(client, method)(url, data)
    assert response.status_code == expected[role], (role, url)
    if expected[role] == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_director_of_the_leader_school_cannot_edit_school_a_activity(world, login, leader):
    from accounts.roles import Role
    from tests.accounts.factories import UserFactory

    director = UserFactory(username="direktor_lider", role=Role.DIRECTOR)
    TeacherFactory(school=leader, user=director)
    client = login(director)
    activity = world["activity"]
    assert client.get(reverse("network:roadmap", args=[world["partnership"].pk])).status_code == 200
    assert client.get(reverse("network:activity_edit", args=[activity.pk])).status_code == 403
    assert client.get(reverse("network:activity_add", args=[world["stage"].pk])).status_code == 200


def test_director_without_a_school_sees_no_partnership(world, login):
    from accounts.roles import Role
    from tests.accounts.factories import UserFactory

    client = login(UserFactory(username="bez_shkoly", role=Role.DIRECTOR))
    url = reverse("network:roadmap", args=[world["partnership"].pk])
    assert client.get(url).status_code == 404
    assert not client.get(reverse("network:list")).context["page"].object_list


def test_problem_outcome_asks_what_problem_edit_asks(world, login, leader):
    """The leader school's director may not edit school A's problem, nor write its outcome."""
    from accounts.roles import Role
    from tests.accounts.factories import UserFactory

    director = UserFactory(username="direktor_lidera", role=Role.DIRECTOR)
    TeacherFactory(school=leader, user=director)
    client = login(director)
    problem = world["problem"]
    assert client.get(reverse("network:problem_edit", args=[problem.pk])).status_code == 403
    assert client.get(reverse("network:problem_outcome", args=[problem.pk])).status_code == 403
