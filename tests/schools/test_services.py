import pytest

from core.dates import current_academic_year
from schools.models import School
from schools.services import SchoolsError, school_set_category


def test_latest_year_sets_the_current_category(school_a):
    school_set_category(school=school_a, year=2023, category=School.Category.LOW_RESULTS)
    school_set_category(school=school_a, year=2025, category=School.Category.REGULAR)
    school_set_category(school=school_a, year=2024, category=School.Category.UNFAVOURABLE)

    school_a.refresh_from_db()
    assert school_a.category == School.Category.REGULAR
    assert list(school_a.category_history.values_list("year", "category")) == [
        (2025, "regular"),
        (2024, "unfavourable"),
        (2023, "low_results"),
    ]


def test_same_year_is_replaced_not_duplicated(school_a):
    school_set_category(school=school_a, year=2024, category=School.Category.LEADER)
    school_set_category(school=school_a, year=2024, category=School.Category.REGULAR)

    assert school_a.category_history.count() == 1


def test_unknown_category_is_refused(school_a):
    with pytest.raises(SchoolsError, match="Неизвестная категория"):
        school_set_category(school=school_a, year=2024, category="elite")


def test_academic_year_starts_in_september():
    from datetime import date

    assert current_academic_year(date(2026, 8, 31)) == 2025
    assert current_academic_year(date(2026, 9, 1)) == 2026
