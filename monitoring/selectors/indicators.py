"""Reads behind the dashboards and the PDF reports: each a plain function of its arguments.

All read only *published* values (imported, computed, or of an approved submission) and
cost a fixed number of queries whatever the number of schools and periods.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Period, Target
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


def periods_up_to(period=None, *, count=3, among=None) -> list[Period]:
    """The given period and those before it, oldest first (the latest ones when None).

    ``among``: every period, already read (latest first), so that no query is needed."""
    if among is not None:
        earlier = [p for p in among if period is None or p.starts_on <= period.starts_on]
        return list(reversed(earlier[:count]))
    periods = Period.objects.order_by("-starts_on")
    if period is not None:
        periods = periods.filter(starts_on__lte=period.starts_on)
    return list(reversed(periods[:count]))


def remember_previous(period, among) -> Period:
    """Tell ``period`` its previous period from ``among`` (every period, latest first), so
    that the reads of one page that ask for it ask no query."""
    earlier = [p for p in among if p.starts_on < period.starts_on]
    period.__dict__["_previous_period"] = earlier[0] if earlier else None
    return period


def previous_period(period) -> Period | None:
    if "_previous_period" in period.__dict__:
        return period.__dict__["_previous_period"]
    return Period.objects.filter(starts_on__lt=period.starts_on).order_by("-starts_on").first()


def published_values(*, indicators, periods, schools=None) -> dict[tuple, Decimal]:
    """{(indicator id, school id, period id): value} of the published values, one query."""
    rows = (
        IndicatorValue.objects.published()
        .filter(indicator__in=indicators, period__in=periods)
        .order_by()
    )
    if schools is not None:
        rows = rows.filter(school__in=schools)
    return {
        (i, s, p): v
        for i, s, p, v in rows.values_list("indicator_id", "school_id", "period_id", "value")
    }


def targets_of(*, indicators, periods) -> dict[tuple, Decimal]:
    """{(indicator id, school id or None, period id): target value}, one query."""
    rows = Target.objects.filter(indicator__in=indicators, period__in=periods).order_by()
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


# Sums, counts and bounds of an indicator's published values per category and period, each
# school in the category its history gives it for the period's year (else its current one).
SUMMARY_BY_CATEGORY = """
SELECT COALESCE(cr.category, s.category), v.period_id,
       SUM(v.value), COUNT(*), MIN(v.value), MAX(v.value)
FROM monitoring_indicatorvalue v
JOIN schools_school s ON s.id = v.school_id
JOIN (VALUES {years}) py ON py.column1 = v.period_id
LEFT JOIN schools_categoryrecord cr ON cr.school_id = v.school_id AND cr.year = py.column2
WHERE v.indicator_id = %s
  AND (v.source <> %s OR EXISTS (
      SELECT 1 FROM monitoring_indicatorsubmission sub
      WHERE sub.school_id = v.school_id AND sub.period_id = v.period_id AND sub.state = %s))
GROUP BY COALESCE(cr.category, s.category), v.period_id
"""


def municipal_summary(*, indicator, periods) -> list[GroupSeries]:
    """Per category group (leader, low results, unfavourable, regular) and period: the
    average, lowest and highest published value and the number of schools reporting.

    A school counts in the category the category history gives it for the period's year
    (its current one without a record); the database groups and sums."""
    if not periods:
        rows = []
    else:
        years = ", ".join(["(%s, %s)"] * len(periods))
        sql = SUMMARY_BY_CATEGORY.format(years=years)
        params = [x for p in periods for x in (p.pk, p.starts_on.year)]
        params += [indicator.pk, Indicator.Source.ENTERED, IndicatorSubmission.State.APPROVED]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = ("category", "period_id", "total", "n", "low", "high")
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    grouped = {(row["category"], row["period_id"]): row for row in rows}
    series = []
    for category in CATEGORY_ORDER:
        group = GroupSeries(category=category, label=str(School.Category(category).label))
        for period in periods:
            row = grouped.get((category, period.pk), {})
            group.points.append(
                GroupPoint(
                    period=period,
                    average=_mean(row.get("total"), row.get("n")),
                    low=_exact(row.get("low")),
                    high=_exact(row.get("high")),
                    count=row.get("n", 0),
                )
            )
        series.append(group)
    return series


def _exact(value):
    """A value of the database as the decimal it was stored as (SQLite answers floats)."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _mean(total, n) -> Decimal | None:
    """``average`` of values summed in the database."""
    if not n:
        return None
    return (Decimal(total) / n).quantize(Decimal("0.1"), ROUND_HALF_UP)


def municipal_averages(*, indicators, period) -> dict[int, Decimal | None]:
    """{indicator id: the average of all schools' published values for the period}, summed
    in the database (one query, whatever the number of schools)."""
    rows = (
        IndicatorValue.objects.published()
        .filter(indicator__in=indicators, period=period)
        .order_by()
        .values("indicator_id")
        .annotate(total=models.Sum("value"), n=models.Count("pk"))
    )
    return {row["indicator_id"]: _mean(row["total"], row["n"]) for row in rows}


def municipal_average_and_count(*, indicator, period) -> tuple[Decimal | None, int]:
    """The average of the published values of all schools, and how many there are."""
    row = (
        IndicatorValue.objects.published()
        .filter(indicator=indicator, period=period)
        .aggregate(total=models.Sum("value"), n=models.Count("pk"))
    )
    return _mean(row["total"], row["n"]), row["n"]


def municipal_average(*, indicator, period) -> Decimal | None:
    """The average of the published values of all schools."""
    return municipal_averages(indicators=[indicator], period=period).get(indicator.pk)


@dataclass(frozen=True)
class ProfileRow:
    indicator: Indicator
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    target: Decimal | None
    status: TargetStatus | None
    municipal_average: Decimal | None


def school_profile(*, school, period, indicators=None, averages=None) -> list[ProfileRow]:
    """Every indicator of a school for a period: value, target and status, last period's
    value and the municipal average. ``indicators``: the active ones, already read;
    ``averages``: their ``municipal_averages``, if known."""
    if indicators is None:
        indicators = list(Indicator.objects.filter(is_active=True).order_by("order"))
    before = previous_period(period)
    periods = [period] + ([before] if before else [])
    values = published_values(indicators=indicators, periods=periods, schools=[school])
    targets = targets_of(indicators=indicators, periods=[period])
    if averages is None:
        averages = municipal_averages(indicators=indicators, period=period)
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
                municipal_average=averages.get(indicator.pk),
            )
        )
    return rows


def averages_over_periods(*, indicator, periods) -> list[Decimal | None]:
    """The municipal average of an indicator in each of the periods, summed in the database."""
    rows = (
        IndicatorValue.objects.published()
        .filter(indicator=indicator, period__in=periods)
        .order_by()
        .values("period_id")
        .annotate(total=models.Sum("value"), n=models.Count("pk"))
    )
    found = {row["period_id"]: _mean(row["total"], row["n"]) for row in rows}
    return [found.get(p.pk) for p in periods]


def school_series(*, school, indicator, periods, averages=None) -> tuple[list, list]:
    """A school's published values and the municipal averages (if not given), one per
    period."""
    values = published_values(indicators=[indicator], periods=periods, schools=[school])
    mine = [values.get((indicator.pk, school.pk, p.pk)) for p in periods]
    if averages is None:
        averages = averages_over_periods(indicator=indicator, periods=periods)
    return mine, averages
