"""Every validation rule of the entry: in the service and, as a last guard, in the database."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from monitoring.models import IndicatorValue
from monitoring.services.indicators import (
    Entry,
    IndicatorValidationError,
    indicator_values_save,
)
from tests.monitoring.factories import ValueFactory

pytestmark = pytest.mark.django_db


def save(school, period, director, **entries):
    return indicator_values_save(school=school, period=period, entries=entries, by=director)


def problems_of(school, period, director, **entries):
    with pytest.raises(IndicatorValidationError) as caught:
        save(school, period, director, **entries)
    return caught.value.problems


def test_share_is_computed_from_numerator_and_denominator(school_a, period, director_a):
    save(school_a, period, director_a, gia_passed_share=Entry(numerator=45, denominator=50))
    value = IndicatorValue.objects.get(school=school_a, indicator__code="gia_passed_share")
    assert value.value == Decimal("90.00")
    assert (value.numerator, value.denominator) == (45, 50)


def test_numerator_cannot_exceed_denominator(school_a, period, director_a):
    problems = problems_of(
        school_a, period, director_a, gia_passed_share=Entry(numerator=51, denominator=50)
    )
    assert "не может превышать знаменатель" in problems["gia_passed_share"]


def test_denominator_must_be_positive(school_a, period, director_a):
    problems = problems_of(
        school_a, period, director_a, contests_share=Entry(numerator=0, denominator=0)
    )
    assert "больше нуля" in problems["contests_share"]


def test_counts_cannot_be_negative(school_a, period, director_a):
    problems = problems_of(school_a, period, director_a, olympiad_school_math=Entry(value=-1))
    assert "отрицательным" in problems["olympiad_school_math"]


def test_counts_are_whole_numbers(school_a, period, director_a):
    problems = problems_of(
        school_a, period, director_a, olympiad_school_math=Entry(value=Decimal("2.5"))
    )
    assert "целое" in problems["olympiad_school_math"]


def test_winners_cannot_exceed_municipal_participants(school_a, period, director_a):
    problems = problems_of(
        school_a,
        period,
        director_a,
        olympiad_municipal_russian=Entry(value=3),
        olympiad_winners_russian=Entry(value=4),
    )
    assert "Не может быть больше" in problems["olympiad_winners_russian"]
    assert "муниципальном этапе" in problems["olympiad_winners_russian"]


def test_municipal_stage_cannot_exceed_school_stage(school_a, period, director_a):
    problems = problems_of(
        school_a,
        period,
        director_a,
        olympiad_school_math=Entry(value=10),
        olympiad_municipal_math=Entry(value=11),
    )
    assert "школьном этапе" in problems["olympiad_municipal_math"]


def test_cross_rule_checks_values_stored_before(school_a, period, director_a):
    ValueFactory(school=school_a, period=period, code="olympiad_school_math", value=5)
    problems = problems_of(school_a, period, director_a, olympiad_municipal_math=Entry(value=6))
    assert "olympiad_municipal_math" in problems


def test_computed_indicator_cannot_be_entered(school_a, period, director_a):
    problems = problems_of(school_a, period, director_a, network_leaders=Entry(value=3))
    assert "рассчитывается порталом" in problems["network_leaders"]


def test_one_bad_value_saves_nothing(school_a, period, director_a):
    problems_of(
        school_a,
        period,
        director_a,
        olympiad_school_math=Entry(value=10),
        olympiad_school_russian=Entry(value=-3),
    )
    assert not IndicatorValue.objects.exists()


def test_database_refuses_numerator_above_denominator(school_a, period):
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueFactory(
            school=school_a,
            period=period,
            code="gia_passed_share",
            value=100,
            numerator=6,
            denominator=5,
        )


def test_database_refuses_negative_value(school_a, period):
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueFactory(school=school_a, period=period, value=-1)


def test_database_keeps_one_value_per_school_indicator_and_period(school_a, period):
    ValueFactory(school=school_a, period=period)
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueFactory(school=school_a, period=period)
