"""The early-warning list and the partnership effect: reads for the dashboards and PDFs."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.formats import decimal_comma
from monitoring.models import Indicator, IndicatorSubmission, Period
from monitoring.selectors.indicators import (
    CLOSE_MARGIN,
    TargetStatus,
    averages_over_periods,
    previous_period,
    published_values,
    target_status,
)
from network.models import Activity, Partnership
from schools.models import School

DROP_THRESHOLD = Decimal("10")  # a fall of more than 10 % against last period
SQL_SLACK = Decimal("0.01")  # how generously the database picks candidates (1 %)


class WarningKind(models.TextChoices):
    DROP = "drop", gettext_lazy("Fell against last period")
    TARGET_FAR = "target_far", gettext_lazy("Far from target")
    OVERDUE = "overdue", gettext_lazy("Overdue roadmap activities")
    NO_PARTNERSHIP = "no_partnership", gettext_lazy("Low-result school without a partnership")


@dataclass(frozen=True)
class EarlyWarning:
    """One warning; its text is written when it is read, so that a long list costs only
    the page that shows it."""

    school: School
    kind: WarningKind
    indicator: Indicator | None = None
    value: Decimal | None = None
    other: Decimal | None = None  # last period's value, or the target
    count: int | None = None

    @property
    def text(self):
        if self.kind == WarningKind.DROP:
            return _("%(name)s: %(value)s against %(previous)s last period.") % {
                "name": self.indicator.name,
                "value": decimal_comma(self.value),
                "previous": decimal_comma(self.other),
            }
        if self.kind == WarningKind.TARGET_FAR:
            return _("%(name)s: %(value)s, target %(target)s.") % {
                "name": self.indicator.name,
                "value": decimal_comma(self.value),
                "target": decimal_comma(self.other),
            }
        if self.kind == WarningKind.OVERDUE:
            return ngettext(
                "%(n)s roadmap activity is overdue.",
                "%(n)s roadmap activities are overdue.",
                self.count,
            ) % {"n": self.count}
        return _("No active partnership with a leader school.")


def _fell(value, previous, *, indicator, threshold) -> bool:
    """Worse by more than ``threshold`` percent, and by more than noise: 3 points of a
    share, 2 of a count."""
    if previous is None or previous == 0:
        return False
    worse = (previous - value) if indicator.higher_is_better else (value - previous)
    least = Decimal(3) if indicator.is_percent else Decimal(2)
    return worse >= least and worse / previous * 100 > threshold


# The values of a period that fell against the period before or lie far from their target:
# the database picks them in one pass of joins (a little generously, so that its rounding
# never drops one) and ``early_warnings`` decides in exact decimals.
CANDIDATES = """
WITH published AS (
    SELECT v.id, v.indicator_id, v.school_id, v.period_id, v.value
    FROM monitoring_indicatorvalue v
    WHERE v.period_id IN (%(period)s, %(before)s)
      AND (v.source <> %(entered)s OR EXISTS (
          SELECT 1 FROM monitoring_indicatorsubmission s
          WHERE s.school_id = v.school_id AND s.period_id = v.period_id
            AND s.state = %(approved)s))
)
SELECT cur.indicator_id, cur.school_id, cur.value, prev.value, COALESCE(own.value, town.value)
FROM published cur
JOIN monitoring_indicator i ON i.id = cur.indicator_id AND i.is_active
LEFT JOIN published prev ON prev.indicator_id = cur.indicator_id
    AND prev.school_id = cur.school_id AND prev.period_id = %(before)s
LEFT JOIN monitoring_target own ON own.indicator_id = cur.indicator_id
    AND own.school_id = cur.school_id AND own.period_id = %(period)s
LEFT JOIN monitoring_target town ON town.indicator_id = cur.indicator_id
    AND town.school_id IS NULL AND town.period_id = %(period)s
WHERE cur.period_id = %(period)s {school}
  AND ((prev.value > 0
        AND (CASE WHEN i.direction = %(higher)s THEN prev.value - cur.value
             ELSE cur.value - prev.value END) >= (CASE WHEN i.unit = %(percent)s
             THEN 2.99 ELSE 1.99 END)
        AND (CASE WHEN i.direction = %(higher)s THEN prev.value - cur.value
             ELSE cur.value - prev.value END) * 100 > prev.value * %(threshold)s)
    OR (i.direction = %(higher)s AND cur.value < COALESCE(own.value, town.value) * %(low)s)
    OR (i.direction <> %(higher)s AND cur.value > COALESCE(own.value, town.value) * %(high)s))
"""


def _value_rows(*, period, before, school, threshold, known_indicators, also):
    """The candidate values, each with ``previous`` and ``target`` set, and the schools
    they name and those of ``also`` ({id: school}), read together."""
    params = {
        "period": period.pk,
        "before": before.pk if before else -1,
        "entered": Indicator.Source.ENTERED,
        "approved": IndicatorSubmission.State.APPROVED,
        "higher": Indicator.Direction.HIGHER,
        "percent": Indicator.Unit.PERCENT,
        "threshold": threshold * (1 - SQL_SLACK),
        "low": 1 - CLOSE_MARGIN * (1 - SQL_SLACK),
        "high": 1 + CLOSE_MARGIN * (1 - SQL_SLACK),
        "school": school.pk if school is not None else None,
    }
    sql = CANDIDATES.format(school="AND cur.school_id = %(school)s" if school else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    wanted = {row[0] for row in found}
    if known_indicators is None or not wanted <= set(known_indicators):
        known_indicators = Indicator.objects.in_bulk(wanted)
    schools = School.objects.only(*SCHOOL_FIELDS).in_bulk({row[1] for row in found} | also)
    rows = [
        _Row(
            known_indicators[indicator_id],
            schools[school_id],
            _decimal(value),
            _decimal(previous),
            _decimal(target),
        )
        for indicator_id, school_id, value, previous, target in found
    ]
    return rows, schools


@dataclass(frozen=True)
class _Row:
    indicator: Indicator
    school: School
    value: Decimal
    previous: Decimal | None
    target: Decimal | None


# What the warnings' readers show of a school.
SCHOOL_FIELDS = ("short_name", "sort_name", "category")


def _decimal(value):
    """SQLite hands sums and joins back as floats; the values have two decimal places."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _value_warnings(rows, *, threshold):
    for row in rows:
        indicator, value = row.indicator, row.value
        if _fell(value, row.previous, indicator=indicator, threshold=threshold):
            yield EarlyWarning(row.school, WarningKind.DROP, indicator, value, row.previous)
        status = target_status(value, row.target, higher_is_better=indicator.higher_is_better)
        if status == TargetStatus.FAR:
            yield EarlyWarning(row.school, WarningKind.TARGET_FAR, indicator, value, row.target)


def early_warnings(*, period, today=None, school=None, threshold=DROP_THRESHOLD, indicators=None):
    """What needs the centre's attention for a period, ordered by school:
    a value that fell against last period by more than ``threshold`` percent, a target far
    off, overdue roadmap activities, a low-result school without an active partnership.
    ``indicators``: {id: indicator} already read by the caller, if any.

    The database finds them; the cost does not grow with the schools that are fine."""
    today = today or timezone.localdate()
    overdue = Activity.objects.overdue(today)
    if school is not None:
        overdue = overdue.filter(responsible_school=school)
    overdue = overdue.order_by().values("responsible_school_id").annotate(n=Count("pk"))
    counts = {row["responsible_school_id"]: row["n"] for row in overdue}
    rows, schools = _value_rows(
        period=period,
        before=previous_period(period),
        school=school,
        threshold=threshold,
        known_indicators=indicators,
        also=set(counts),
    )
    found = list(_value_warnings(rows, threshold=threshold))
    for school_id, count in counts.items():
        found.append(EarlyWarning(schools[school_id], WarningKind.OVERDUE, count=count))
    active = Partnership.objects.filter(
        Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )
    alone = School.objects.only(*SCHOOL_FIELDS).filter(category=School.Category.LOW_RESULTS)
    alone = alone.exclude(Q(pk__in=active.values("schools")) | Q(pk__in=active.values("leader_id")))
    if school is not None:
        alone = alone.filter(pk=school.pk)
    found.extend(EarlyWarning(school_obj, WarningKind.NO_PARTNERSHIP) for school_obj in alone)
    return sorted(found, key=_order)


def _order(warning):
    indicator = warning.indicator.pk if warning.indicator else 0
    return (warning.school.sort_name, warning.school.pk, warning.kind, indicator)


@dataclass(frozen=True)
class EffectSeries:
    name: str
    values: list  # one value (or None) per period


@dataclass(frozen=True)
class PartnershipEffect:
    school: School
    indicator: Indicator
    periods: list[Period]
    start_period: Period | None
    series: list[EffectSeries]
    before: Decimal | None  # the supported school's value in the period before the start
    after: Decimal | None  # its value in the latest period


def partnership_effect(*, partnership, indicator, school=None, averages=None) -> PartnershipEffect:
    """A supported school's indicator over all periods, before and after the partnership
    started, beside its leader school and the municipal average (``averages``: a function
    of the periods that answers them, if not read here)."""
    school = school or partnership.schools.order_by("sort_name").first()
    periods = list(Period.objects.order_by("starts_on"))
    values = published_values(
        indicators=[indicator], periods=periods, schools=[school.pk, partnership.leader_id]
    )
    start = next((p for p in periods if p.starts_on <= partnership.starts_on <= p.ends_on), None)
    mine = [values.get((indicator.pk, school.pk, p.pk)) for p in periods]
    leader = [values.get((indicator.pk, partnership.leader_id, p.pk)) for p in periods]
    average = (averages or averages_over_periods)(indicator=indicator, periods=periods)
    before = None
    if start is not None:
        index = periods.index(start)
        before = mine[index - 1] if index > 0 else None
    after = next((v for v in reversed(mine) if v is not None), None)
    return PartnershipEffect(
        school=school,
        indicator=indicator,
        periods=periods,
        start_period=start,
        series=[
            EffectSeries(str(school), mine),
            EffectSeries(_("Leader school: %(name)s") % {"name": partnership.leader}, leader),
            EffectSeries(_("Municipal average"), average),
        ],
        before=before,
        after=after,
    )
