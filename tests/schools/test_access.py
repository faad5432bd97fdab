"""Every portal URL of the schools app × every role → the expected status."""

import pytest
from django.urls import reverse

from tests.schools.factories import TeacherFactory

LOGIN = 302
# URL name → status by role. school_a is the low-result school of director_a and teacher_a.
MATRIX = {
    "list": {
        "anonymous": LOGIN,
        "teacher_a": 200,
        "director_a": 200,
        "director_b": 200,
        "methodologist": 200,
        "coordinator": 200,
    },
    "detail": {
        "anonymous": LOGIN,
        "teacher_a": 200,
        "director_a": 200,
        "director_b": 200,
        "methodologist": 200,
        "coordinator": 200,
    },
    "teachers": {
        "anonymous": LOGIN,
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
    "teacher_edit": {
        "anonymous": LOGIN,
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 403,
    },
    "mine": {
        "anonymous": LOGIN,
        "teacher_a": 302,
        "director_a": 302,
        "director_b": 302,
        "methodologist": 404,
        "coordinator": 404,
    },
}


def url_for(name, school, teacher):
    return {
        "list": reverse("schools:list"),
        "detail": reverse("schools:detail", args=[school.pk]),
        "teachers": reverse("schools:teachers", args=[school.pk]),
        "teacher_edit": reverse("schools:teacher_edit", args=[school.pk, teacher.pk]),
        "mine": reverse("schools:mine"),
    }[name]


@pytest.mark.parametrize(
    "role", ["anonymous", "teacher_a", "director_a", "director_b", "methodologist", "coordinator"]
)
@pytest.mark.parametrize("name", MATRIX)
def test_access_matrix(login, cast, school_a, name, role):
    teacher = TeacherFactory(school=school_a)

    response = login(cast[role]).get(url_for(name, school_a, teacher))

    assert response.status_code == MATRIX[name][role]


def test_anonymous_is_sent_to_login(login, school_a):
    response = login(None).get(reverse("schools:teachers", args=[school_a.pk]))

    assert response["Location"].startswith(reverse("login") + "?next=")


def test_director_of_other_school_gets_404_for_a_teacher_url_under_own_school(
    login, director_b, school_a, school_b
):
    """Putting a foreign teacher's id under one's own school finds nothing either."""
    teacher = TeacherFactory(school=school_a)

    url = reverse("schools:teacher_edit", args=[school_b.pk, teacher.pk])

    response = login(director_b).get(url)

    assert response.status_code == 404


def test_unknown_school_is_404(login, methodologist):
    assert login(methodologist).get(reverse("schools:detail", args=[999999])).status_code == 404


def test_teacher_edit_refuses_other_methods(login, director_a, school_a):
    teacher = TeacherFactory(school=school_a)

    url = reverse("schools:teacher_edit", args=[school_a.pk, teacher.pk])

    response = login(director_a).delete(url)

    assert response.status_code == 405


@pytest.mark.parametrize(
    ("role", "expected"),
    [("director_b", 404), ("teacher_a", 403), ("coordinator", 403), ("anonymous", LOGIN)],
)
def test_teacher_edit_by_post_refuses_as_by_get(login, cast, school_a, role, expected):
    """A change sent without the form is refused as the form is: 404 to another school."""
    teacher = TeacherFactory(school=school_a, last_name="Прежняя")
    url = reverse("schools:teacher_edit", args=[school_a.pk, teacher.pk])

    response = login(cast[role]).post(url, {"last_name": "Новая"})

    assert response.status_code == expected
    teacher.refresh_from_db()
    assert teacher.last_name == "Прежняя"
