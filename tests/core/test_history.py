"""The change history reads in Russian: labels, names, whole numbers without decimals."""

from decimal import Decimal

import pytest

from core.history import acting_user, display_value, history_user
from events.models import Registration
from schools.models import School, Teacher
from tests.accounts.factories import UserFactory


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("3.00"), "3"),
        (Decimal("91.50"), "91,5"),
        (Decimal("0.25"), "0,25"),
        (Decimal("1200.00"), "1200"),
        (None, "—"),
    ],
)
def test_numbers_have_decimals_only_when_they_are_fractions(value, shown):
    from monitoring.models import IndicatorValue

    assert display_value(IndicatorValue._meta.get_field("value"), value) == shown


def test_choices_read_as_their_labels():
    category = School._meta.get_field("category")
    status = Registration._meta.get_field("status")

    assert display_value(category, "low_results") == "ШНОР"
    assert display_value(status, "waitlisted") == "В листе ожидания"


def test_yes_and_no_are_russian():
    field = Teacher._meta.get_field("uses_online_platforms")
    assert (display_value(field, True), display_value(field, False)) == ("да", "нет")


def test_acting_user_names_the_author_and_none_keeps_the_outer_one(db):
    outer, inner = UserFactory(), UserFactory()

    with acting_user(outer):
        with acting_user(None):
            assert history_user() == outer
        with acting_user(inner):
            assert history_user() == inner
        assert history_user() == outer
    assert history_user() is None
