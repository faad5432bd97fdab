"""The parts of an event page that depend on who looks: feedback, a school's registrations."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.accounts.factories import UserFactory
from tests.events.factories import RegistrationFactory
from tests.schools.factories import TeacherFactory


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", False),
        ("teacher_a", False),
        ("director_a", False),
        ("methodologist", True),
        ("coordinator", True),
    ],
)
def test_feedback_summary_is_for_the_centre(login, cast, event, role, sees):
    response = login(cast[role]).get(reverse("events:detail", args=[event.pk]))

    assert ("feedback" in response.context) is sees


def test_director_sees_own_school_registrations_and_may_register_the_others(
    login, event, director_a, school_a
):
    registered = RegistrationFactory(event=event, teacher=TeacherFactory(school=school_a))
    free = TeacherFactory(school=school_a)
    RegistrationFactory(event=event)  # another school's teacher

    response = login(director_a).get(reverse("events:detail", args=[event.pk]))

    assert response.context["school_registrations"] == [registered]
    teachers = response.context["register_form"].fields["teacher"].queryset
    assert free in teachers and registered.teacher not in teachers


@pytest.mark.parametrize("role", ["teacher_a", "methodologist", "coordinator"])
def test_only_directors_see_a_school_part(login, cast, event, role):
    response = login(cast[role]).get(reverse("events:detail", args=[event.pk]))

    assert "school_registrations" not in response.context


def test_director_without_a_school_sees_no_school_part(login, event):
    director = UserFactory(username="bez_shkoly", role=Role.DIRECTOR)

    response = login(director).get(reverse("events:detail", args=[event.pk]))

    assert "school_registrations" not in response.context
