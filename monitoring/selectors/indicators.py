"""Reads behind the dashboards and the PDF reports: each a plain function of its arguments.

All read only *published* values (imported, computed, or of an approved submission) and
cost a fixed number of queries whatever the number of schools and periods.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from monitoring.models import Indicator, IndicatorValue, Period, Target
from schools.models import CategoryRecord, School

CATEGORY_ORDER = [
    School.Category.LEADER,
    School.Category.LOW_RESULTS,
    School.Category.UNFAVOURABLE,
    School.Category.REGULAR,
]
CLOSE_MARGIN = Decimal("0.10")  # within 10 % of the target counts as "close"


class TargetStatus(models.TextChoices):
    REACHED = "reached", _("Target reached")
    CLOSE = "close", _("Close to target")
    FAR = "far", _("Far from target")


def target_status(value, target, *, higher_is_better=True) -> TargetStatus | None:
    """Reached, close (within 10 % of the target) or far; None without a value or target."""
    if value is None or target is None:
        return None
    if higher_is_better:
        if value >= target:
            return TargetStatus.REACHED
        return TargetStatus.CLOSE if value >= target * (1 - CLOSE_MARGIN) else TargetStatus.FAR
    if value <= target:
        return TargetStatus.REACHED
    return TargetStatus.CLOSE if value <= target * (1 + CLOSE_MARGIN) else TargetStatus.FAR


def average(values) -> Decimal | None:
    """The mean of the values to a tenth (half up), or None when there are none."""
    if not values:
        return None
    return Decimal(sum(values) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def averages_by_period(values, periods) -> list[Decimal | None]:
    """The average of all schools' published ``values`` in each of the periods."""
    per_period = defaultdict(list)
    for (_i, _s, period_id), value in values.items():
        per_period[period_id].append(value)
    return [average(per_period[p.pk]) for p in periods]


def periods_up_to(period=None, *, count=3) -> list[Period]:
    """The given period and those before it, oldest first (the latest ones when None)."""
    periods = Period.objects.order_by("-starts_on")
    if period is not None:
        periods = periods.filter(starts_on__lte=period.starts_on)
    return list(reversed(periods[:count]))


def previous_period(period) -> Period | None:
    return Period.objects.filter(starts_on__lt=period.starts_on).order_by("-starts_on").first()


def published_values(*, indicators, periods, schools=None) -> dict[tuple, Decimal]:
    """{(indicator id, school id, period id): value} of the published values, one query."""
    rows = IndicatorValue.objects.published().filter(indicator__in=indicators, period__in=periods)
    if schools is not None:
        rows = rows.filter(school__in=schools)
    return {
        (i, s, p): v
        for i, s, p, v in rows.values_list("indicator_id", "school_id", "period_id", "value")
    }


def targets_of(*, indicators, periods) -> dict[tuple, Decimal]:
    """{(indicator id, school id or None, period id): target value}, one query."""
    rows = Target.objects.filter(indicator__in=indicators, period__in=periods)
    return {
        (i, s, p): v
        for i, s, p, v in rows.values_list("indicator_id", "school_id", "period_id", "value")
    }


def target_for(targets, indicator_id, school_id, period_id):
    """A school's own target, else the municipality's."""
    own = targets.get((indicator_id, school_id, period_id))
    return own if own is not None else targets.get((indicator_id, None, period_id))


def categories_by_period(periods) -> dict[tuple[int, int], str]:
    """{(school id, period id): the category the school had in that academic year}.

    From the category history; a school without a record for the year keeps its current one.
    """
    years = {p.starts_on.year: p.pk for p in periods}
    current = dict(School.objects.values_list("pk", "category"))
    result = {(s, p.pk): category for s, category in current.items() for p in periods}
    for school_id, year, category in CategoryRecord.objects.filter(year__in=years).values_list(
        "school_id", "year", "category"
    ):
        result[(school_id, years[year])] = category
    return result


@dataclass(frozen=True)
class GroupPoint:
    period: Period
    average: Decimal | None
    low: Decimal | None
    high: Decimal | None
    count: int


@dataclass
class GroupSeries:
    category: str
    label: str
    points: list[GroupPoint] = field(default_factory=list)


def municipal_summary(*, indicator, periods) -> list[GroupSeries]:
    """Per category group (leader, low results, unfavourable, regular) and period: the
    average, lowest and highest published value and the number of schools reporting."""
    values = published_values(indicators=[indicator], periods=periods)
    categories = categories_by_period(periods)
    grouped = defaultdict(list)
    for (_i, school_id, period_id), value in values.items():
        grouped[(categories.get((school_id, period_id)), period_id)].append(value)
    series = []
    for category in CATEGORY_ORDER:
        group = GroupSeries(category=category, label=str(School.Category(category).label))
        for period in periods:
            found = grouped.get((category, period.pk), [])
            group.points.append(
                GroupPoint(
                    period=period,
                    average=average(found),
                    low=min(found) if found else None,
                    high=max(found) if found else None,
                    count=len(found),
                )
            )
        series.append(group)
    return series


def municipal_average(*, indicator, period) -> Decimal | None:
    """The average of the published values of all schools."""
    found = list(published_values(indicators=[indicator], periods=[period]).values())
    return average(found)


@dataclass(frozen=True)
class SchoolRow:
    rank: int
    school: School
    value: Decimal
    previous: Decimal | None
    change: Decimal | None
    target: Decimal | None
    status: TargetStatus | None


def school_ranking(*, indicator, period) -> list[SchoolRow]:
    """Schools ordered best first on an indicator for a period, with the change since
    the previous period and the status against the target."""
    before = previous_period(period)
    periods = [period] + ([before] if before else [])
    values = published_values(indicators=[indicator], periods=periods)
    targets = targets_of(indicators=[indicator], periods=[period])
    now = {s: v for (_i, s, p), v in values.items() if p == period.pk}
    schools = School.objects.in_bulk(list(now))
    reverse = indicator.higher_is_better
    order = sorted(now, key=lambda s: (-now[s] if reverse else now[s], schools[s].sort_name))
    rows = []
    for rank, school_id in enumerate(order, start=1):
        previous = values.get((indicator.pk, school_id, before.pk)) if before else None
        target = target_for(targets, indicator.pk, school_id, period.pk)
        rows.append(
            SchoolRow(
                rank=rank,
                school=schools[school_id],
                value=now[school_id],
                previous=previous,
                change=None if previous is None else now[school_id] - previous,
                target=target,
                status=target_status(
                    now[school_id], target, higher_is_better=indicator.higher_is_better
                ),
            )
        )
    return rows


def changes_since_last_period(*, indicator, period) -> list[SchoolRow]:
    """The schools that have a value in both periods, the largest fall first."""
    rows = [r for r in school_ranking(indicator=indicator, period=period) if r.change is not None]
    sign = 1 if indicator.higher_is_better else -1
    return sorted(rows, key=lambda r: (sign * r.change, r.school.sort_name))


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    target: Decimal | None
    status: TargetStatus | None
    municipal_average: Decimal | None


def school_profile(*, school, period) -> list[ProfileRow]:
    """Every indicator of a school for a period: value, target and status, last period's
    value and the municipal average."""
    indicators = list(Indicator.objects.filter(is_active=True).order_by("order"))
    before = previous_period(period)
    periods = [period] + ([before] if before else [])
    values = published_values(indicators=indicators, periods=periods)
    targets = targets_of(indicators=indicators, periods=[period])
    sums = defaultdict(list)
    for (i, _s, p), value in values.items():
        if p == period.pk:
            sums[i].append(value)
    rows = []
    for indicator in indicators:
        value = values.get((indicator.pk, school.pk, period.pk))
        previous = values.get((indicator.pk, school.pk, before.pk)) if before else None
        target = target_for(targets, indicator.pk, school.pk, period.pk)
        rows.append(
            ProfileRow(
                indicator=indicator,
                value=value,
                previous=previous,
                change=None if value is None or previous is None else value - previous,
                target=target,
                status=target_status(value, target, higher_is_better=indicator.higher_is_better),
                municipal_average=average(sums[indicator.pk]),
            )
        )
    return rows


def school_series(*, school, indicator, periods) -> tuple[list, list]:
    """A school's published values and the municipal averages, one per period."""
    values = published_values(indicators=[indicator], periods=periods)
    mine = [values.get((indicator.pk, school.pk, p.pk)) for p in periods]
    return mine, averages_by_period(values, periods)
