"""The early-warning list and the partnership effect: reads for the dashboards and PDFs."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.formats import decimal_comma
from monitoring.models import Indicator, Period
from monitoring.selectors.indicators import (
    TargetStatus,
    averages_by_period,
    previous_period,
    published_values,
    target_for,
    target_status,
    targets_of,
)
from network.models import Activity, Partnership
from schools.models import School

DROP_THRESHOLD = Decimal("10")  # a fall of more than 10 % against last period


class WarningKind(models.TextChoices):
    DROP = "drop", gettext_lazy("Fell against last period")
    TARGET_FAR = "target_far", gettext_lazy("Far from target")
    OVERDUE = "overdue", gettext_lazy("Overdue roadmap activities")
    NO_PARTNERSHIP = "no_partnership", gettext_lazy("Low-result school without a partnership")


@dataclass(frozen=True)
class EarlyWarning:
    school: School
    kind: WarningKind
    text: str
    indicator: Indicator | None = None


def _fell(value, previous, *, indicator, threshold) -> bool:
    """Worse by more than ``threshold`` percent, and by more than noise: 3 points of a
    share, 2 of a count."""
    if previous is None or previous == 0:
        return False
    worse = (previous - value) if indicator.higher_is_better else (value - previous)
    least = Decimal(3) if indicator.is_percent else Decimal(2)
    return worse >= least and worse / previous * 100 > threshold


def early_warnings(*, period, today=None, school=None, threshold=DROP_THRESHOLD):
    """What needs the centre's attention for a period, ordered by school:
    a value that fell against last period by more than ``threshold`` percent, a target far
    off, overdue roadmap activities, a low-result school without an active partnership."""
    today = today or timezone.localdate()
    schools = School.objects.order_by("sort_name")
    if school is not None:
        schools = schools.filter(pk=school.pk)
    schools = {s.pk: s for s in schools}
    indicators = {i.pk: i for i in Indicator.objects.filter(is_active=True)}
    before = previous_period(period)
    periods = [period] + ([before] if before else [])
    values = published_values(indicators=indicators.values(), periods=periods, schools=schools)
    targets = targets_of(indicators=indicators.values(), periods=[period])
    found = []
    for (indicator_id, school_id, period_id), value in sorted(values.items()):
        if period_id != period.pk:
            continue
        indicator = indicators[indicator_id]
        previous = values.get((indicator_id, school_id, before.pk)) if before else None
        better = indicator.higher_is_better
        if _fell(value, previous, indicator=indicator, threshold=threshold):
            found.append(
                EarlyWarning(
                    schools[school_id],
                    WarningKind.DROP,
                    _("%(name)s: %(value)s against %(previous)s last period.")
                    % {
                        "name": indicator.name,
                        "value": decimal_comma(value),
                        "previous": decimal_comma(previous),
                    },
                    indicator,
                )
            )
        target = target_for(targets, indicator_id, school_id, period.pk)
        if target_status(value, target, higher_is_better=better) == TargetStatus.FAR:
            found.append(
                EarlyWarning(
                    schools[school_id],
                    WarningKind.TARGET_FAR,
                    _("%(name)s: %(value)s, target %(target)s.")
                    % {
                        "name": indicator.name,
                        "value": decimal_comma(value),
                        "target": decimal_comma(target),
                    },
                    indicator,
                )
            )
    overdue = (
        Activity.objects.overdue(today)
        .filter(responsible_school__in=schools)
        .values("responsible_school_id")
        .annotate(n=Count("pk"))
    )
    for row in overdue:
        found.append(
            EarlyWarning(
                schools[row["responsible_school_id"]],
                WarningKind.OVERDUE,
                ngettext(
                    "%(n)s roadmap activity is overdue.",
                    "%(n)s roadmap activities are overdue.",
                    row["n"],
                )
                % {"n": row["n"]},
            )
        )
    active = Partnership.objects.filter(
        Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )
    partnered = set(active.values_list("schools", flat=True)) | set(
        active.values_list("leader_id", flat=True)
    )
    for school_id, school_obj in schools.items():
        if school_obj.category == School.Category.LOW_RESULTS and school_id not in partnered:
            found.append(
                EarlyWarning(
                    school_obj,
                    WarningKind.NO_PARTNERSHIP,
                    _("No active partnership with a leader school."),
                )
            )
    return sorted(found, key=lambda w: (w.school.sort_name, w.kind))


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


def partnership_effect(*, partnership, indicator, school=None) -> PartnershipEffect:
    """A supported school's indicator over all periods, before and after the partnership
    started, beside its leader school and the municipal average."""
    school = school or partnership.schools.order_by("sort_name").first()
    periods = list(Period.objects.order_by("starts_on"))
    values = published_values(indicators=[indicator], periods=periods)
    start = next((p for p in periods if p.starts_on <= partnership.starts_on <= p.ends_on), None)
    mine = [values.get((indicator.pk, school.pk, p.pk)) for p in periods]
    leader = [values.get((indicator.pk, partnership.leader_id, p.pk)) for p in periods]
    average = averages_by_period(values, periods)
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
