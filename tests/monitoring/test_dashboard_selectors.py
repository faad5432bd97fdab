"""The reads the dashboards and the PDF reports share."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from monitoring.models import Indicator
from monitoring.selectors.indicators import (
    TargetStatus,
    municipal_summary,
    school_profile,
    target_status,
)
from monitoring.selectors.ranking import changes_since_last_period, school_ranking
from monitoring.selectors.warnings import WarningKind, early_warnings, partnership_effect
from network.models import Stage
from schools.models import School
from schools.services import school_set_category
from tests.monitoring.factories import (
    PeriodFactory,
    TargetFactory,
    ValueFactory,
    approved,
    indicator,
    partnership_of,
)
from tests.network.factories import add_activity, stage
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db
GIA = "gia_passed_share"


def gia(school, period, value, source=Indicator.Source.IMPORTED):
    return ValueFactory(school=school, period=period, code=GIA, value=value, source=source)


@pytest.mark.parametrize(
    ("value", "target", "higher", "expected"),
    [
        (90, 90, True, TargetStatus.REACHED),
        (82, 90, True, TargetStatus.CLOSE),
        (80, 90, True, TargetStatus.FAR),
        (5, 5, False, TargetStatus.REACHED),
        (5.4, 5, False, TargetStatus.CLOSE),
        (7, 5, False, TargetStatus.FAR),
        (None, 5, True, None),
        (5, None, True, None),
    ],
)
def test_target_status(value, target, higher, expected):
    assert target_status(value, target, higher_is_better=higher) == expected


def test_municipal_summary_by_category_uses_the_category_of_each_year(
    school_a, school_b, period, last_period
):
    # School A was a regular school in 2024 and is a low-result school since 2025.
    school_set_category(school=school_a, year=2024, category=School.Category.REGULAR)
    school_set_category(school=school_a, year=2025, category=School.Category.LOW_RESULTS)
    other_low = SchoolFactory(short_name="Другая ШНОР", category=School.Category.LOW_RESULTS)
    gia(school_a, last_period, 70)
    gia(school_a, period, 80)
    gia(other_low, period, 90)
    gia(school_b, period, 99)
    summary = {
        s.category: s.points
        for s in municipal_summary(indicator=indicator(GIA), periods=[last_period, period])
    }
    low = summary[School.Category.LOW_RESULTS]
    assert (low[1].average, low[1].low, low[1].high, low[1].count) == (85, 80, 90, 2)
    assert low[0].average is None
    assert summary[School.Category.REGULAR][0].average == 70
    assert summary[School.Category.LEADER][1].average == 99


def test_entered_values_show_only_once_approved(school_a, period):
    gia(school_a, period, 80, source=Indicator.Source.ENTERED)
    assert school_ranking(indicator=indicator(GIA), period=period) == []
    approved(school_a, period)
    assert [r.value for r in school_ranking(indicator=indicator(GIA), period=period)] == [80]


def test_ranking_with_change_and_target(school_a, school_b, period, last_period):
    gia(school_a, last_period, 70)
    gia(school_a, period, 80)
    gia(school_b, period, 95)
    TargetFactory(period=period, school=school_a, value=90)
    TargetFactory(period=period, school=None, value=95)
    rows = school_ranking(indicator=indicator(GIA), period=period)
    assert [(r.rank, r.school, r.value) for r in rows] == [(1, school_b, 95), (2, school_a, 80)]
    assert rows[1].change == 10 and rows[1].target == 90
    assert rows[1].status == TargetStatus.FAR
    assert rows[0].status == TargetStatus.REACHED  # the municipal target applies


def test_changes_since_last_period_largest_fall_first(school_a, school_b, period, last_period):
    gia(school_a, last_period, 90)
    gia(school_a, period, 80)
    gia(school_b, last_period, 90)
    gia(school_b, period, 95)
    rows = changes_since_last_period(indicator=indicator(GIA), period=period)
    assert [(r.school, r.change) for r in rows] == [(school_a, -10), (school_b, 5)]


def test_school_profile_has_every_indicator(school_a, school_b, period, last_period):
    gia(school_a, last_period, 70)
    gia(school_a, period, 80)
    gia(school_b, period, 90)
    rows = {r.indicator.code: r for r in school_profile(school=school_a, period=period)}
    assert len(rows) == Indicator.objects.count()
    row = rows[GIA]
    assert (row.value, row.previous, row.change, row.municipal_average) == (80, 70, 10, 85)
    assert rows["contests_share"].value is None


def test_early_warnings(school_a, school_b, period, last_period):
    gia(school_b, last_period, 95)
    gia(school_b, period, 80)  # fell by 15
    TargetFactory(period=period, school=school_b, value=95)
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        found = early_warnings(period=period)
    kinds = {(w.school, w.kind) for w in found}
    assert (school_b, WarningKind.DROP) in kinds
    assert (school_b, WarningKind.TARGET_FAR) in kinds
    assert (school_a, WarningKind.NO_PARTNERSHIP) in kinds  # a low-result school alone
    drop = next(w for w in found if w.kind == WarningKind.DROP)
    assert "80 против 95" in drop.text


def test_early_warning_for_overdue_activities(school_a, period):
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        partnership = partnership_of(school_a)
        first = stage(partnership, Stage.Kind.ACQUAINTANCE)
        add_activity(first, school=school_a, due_on=datetime.date(2026, 3, 1))
        found = early_warnings(period=period, school=school_a)
    assert [w.kind for w in found] == [WarningKind.OVERDUE]
    assert found[0].text == "Просрочено 1 мероприятие дорожной карты."


def test_small_changes_are_not_warnings(school_b, period, last_period):
    gia(school_b, last_period, Decimal("95"))
    gia(school_b, period, Decimal("93"))
    assert early_warnings(period=period, school=school_b) == []


def test_partnership_effect_before_and_after(school_a, period, last_period):
    earlier = PeriodFactory(year=2023)
    partnership = partnership_of(school_a, starts_on=datetime.date(2025, 9, 15))
    for p, mine, lead in [(earlier, 70, 95), (last_period, 72, 96), (period, 81, 97)]:
        gia(school_a, p, mine)
        gia(partnership.leader, p, lead)
    effect = partnership_effect(partnership=partnership, indicator=indicator(GIA))
    assert effect.start_period == period
    assert (effect.before, effect.after) == (72, 81)
    assert effect.series[0].values == [70, 72, 81]
    assert effect.series[1].values == [95, 96, 97]
    assert effect.series[2].values == [Decimal("82.5"), 84, 89]
