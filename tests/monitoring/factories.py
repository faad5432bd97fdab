"""Factories of the indicators area."""

import datetime
from decimal import Decimal

import factory

from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Period, Target
from schools.models import School
from tests.network.factories import PartnershipFactory
from tests.schools.factories import SchoolFactory


class PeriodFactory(factory.django.DjangoModelFactory):
    """An academic year; ``year`` gives its start (2025 → 2025/2026)."""

    class Meta:
        model = Period
        django_get_or_create = ("name",)

    class Params:
        year = 2025

    name = factory.LazyAttribute(lambda p: f"{p.year}/{p.year + 1}")
    starts_on = factory.LazyAttribute(lambda p: datetime.date(p.year, 9, 1))
    ends_on = factory.LazyAttribute(lambda p: datetime.date(p.year + 1, 8, 31))


def indicator(code) -> Indicator:
    """An indicator of the catalogue, which every test database has after migrate."""
    return Indicator.objects.get(code=code)


class ValueFactory(factory.django.DjangoModelFactory):
    """A stored value; ``code`` picks the indicator from the catalogue."""

    class Meta:
        model = IndicatorValue

    class Params:
        code = "olympiad_school_math"

    indicator = factory.LazyAttribute(lambda v: Indicator.objects.get(code=v.code))
    period = factory.SubFactory(PeriodFactory)
    value = Decimal("10")
    source = Indicator.Source.IMPORTED


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    class Params:
        code = "gia_passed_share"

    indicator = factory.LazyAttribute(lambda t: Indicator.objects.get(code=t.code))
    period = factory.SubFactory(PeriodFactory)
    value = Decimal("90")


def approved(school, period):
    """Mark a school's data for a period approved (so that the dashboards show it)."""
    IndicatorSubmission.objects.update_or_create(
        school=school, period=period, defaults={"state": IndicatorSubmission.State.APPROVED}
    )


def partnership_of(school, **kwargs):
    """A partnership supporting the school, led by a leader school of its own.

    The leader's name is not from the schools' sequence, which would in a long run reach
    the names of the cast's schools (№ 101, № 202).
    """
    leader = SchoolFactory(
        short_name=factory.Sequence(lambda n: f"Школа-лидер № {n}"),
        category=School.Category.LEADER,
    )
    return PartnershipFactory(leader=leader, schools=[school], **kwargs)


# Eight indicators a school's row of the wide form fills, within their rules (winners ≤
# participants …): the big files of the import job's tests.
WIDE_ROW = {
    "gia_passed_share": 90,
    "olympiad_school_russian": 30,
    "olympiad_school_math": 30,
    "olympiad_municipal_russian": 10,
    "olympiad_municipal_math": 10,
    "olympiad_winners_russian": 2,
    "olympiad_winners_math": 2,
    "contests_share": 50,
}
