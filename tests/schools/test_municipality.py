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


def test_the_counts_are_kept_until_a_school_or_a_teacher_changes(login, methodologist):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.figures_cache import rows_written
    from schools.models import Teacher
    from tests.schools.factories import TeacherFactory

    school = SchoolFactory(category=School.Category.LEADER)
    TeacherFactory(school=school)
    client = login(methodologist)
    first = client.get("/").context
    assert (first["school_count"], first["teacher_count"]) == (1, 1)

    with CaptureQueriesContext(connection) as again:
        client.get("/")
    assert not [q for q in again if 'FROM "schools_teacher"' in q["sql"] and "COUNT" in q["sql"]]

    SchoolFactory(category=School.Category.LOW_RESULTS)
    TeacherFactory(school=school)
    after_saves = client.get("/").context
    assert (after_saves["school_count"], after_saves["teacher_count"]) == (2, 2)
    assert dict(after_saves["schools_by_category"])[School.Category.LOW_RESULTS.label] == 1

    Teacher.objects.bulk_create([Teacher(school=school, last_name="Иванова", first_name="Анна")])
    rows_written(Teacher)
    assert client.get("/").context["teacher_count"] == 3
