"""The municipality's figures on the home page are for the centre only."""

import pytest

from schools.models import School
from tests.schools.factories import SchoolFactory


@pytest.mark.parametrize(
    ("role", "sees"),
    [("teacher_a", False), ("director_a", False), ("methodologist", True), ("coordinator", True)],
)
def test_home_page_shows_the_municipality_to_the_centre(login, cast, role, sees):
    SchoolFactory(category=School.Category.LEADER)

    response = login(cast[role]).get("/")

    assert ("schools_by_category" in response.context) is sees


def test_schools_are_counted_by_category(login, methodologist, school_a, school_b):
    SchoolFactory(category=School.Category.LOW_RESULTS)

    response = login(methodologist).get("/")

    counts = dict(response.context["schools_by_category"])
    assert counts[School.Category.LOW_RESULTS.label] == 2
    assert counts[School.Category.LEADER.label] == 1
