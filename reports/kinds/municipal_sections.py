"""The sections of the municipal monitoring report, each built from the same selectors
that the dashboards and the other pages use."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from development.models.plans import DevelopmentPlan, ItemStatus
from events.models import Event, Registration
from monitoring.dashboard_charts import category_trend_chart
from monitoring.models import Indicator
from monitoring.selectors.indicators import (
    CATEGORY_ORDER,
    categories_by_period,
    previous_period,
    published_values,
    target_for,
    target_status,
    targets_of,
)
from monitoring.selectors.warnings import early_warnings
from network.selectors import partnership_overview
from schools.models import School, Teacher

# The indicators whose trends the report draws (the rest are in the tables).
CHART_CODES = ["gia_passed_share", "contests_share", "teachers_online_share"]
SUPPORTED = (School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE)


class CentreView:
    """The municipality's view of the data, for selectors that scope by user."""

    is_authenticated = True
    is_municipal = True
    is_methodologist = False
    is_coordinator = True


def summary(period):
    schools = dict(School.objects.values_list("category").annotate(n=Count("pk")))
    return {
        "schools": sum(schools.values()),
        "by_category": [(School.Category(c).label, schools.get(c, 0)) for c in CATEGORY_ORDER],
        "teachers": Teacher.objects.count(),
    }


@dataclass
class IndicatorRow:
    school: School
    value: object
    target: object
    status: object
    change: object


def indicator_tables(period):
    """Every active indicator: its schools grouped by category, with target and change."""
    indicators = list(Indicator.objects.filter(is_active=True))
    before = previous_period(period)
    periods = [period] + ([before] if before else [])
    values = published_values(indicators=indicators, periods=periods)
    targets = targets_of(indicators=indicators, periods=[period])
    categories = categories_by_period([period])
    schools = School.objects.in_bulk()
    tables = []
    for indicator in indicators:
        groups = defaultdict(list)
        for school_id, school in sorted(schools.items(), key=lambda item: item[1].sort_name):
            value = values.get((indicator.pk, school_id, period.pk))
            if value is None:
                continue
            previous = values.get((indicator.pk, school_id, before.pk)) if before else None
            target = target_for(targets, indicator.pk, school_id, period.pk)
            groups[categories.get((school_id, period.pk), school.category)].append(
                IndicatorRow(
                    school=school,
                    value=value,
                    target=target,
                    status=target_status(
                        value, target, higher_is_better=indicator.higher_is_better
                    ),
                    change=None if previous is None else value - previous,
                )
            )
        tables.append(
            {
                "indicator": indicator,
                "groups": [
                    (School.Category(c).label, groups[c]) for c in CATEGORY_ORDER if groups[c]
                ],
            }
        )
    return tables


def charts(period):
    from monitoring.selectors.indicators import periods_up_to

    periods = periods_up_to(period, count=3)
    indicators = Indicator.objects.filter(code__in=CHART_CODES, is_active=True)
    return [category_trend_chart(indicator=i, periods=periods) for i in indicators]


def partnerships(today):
    return list(partnership_overview(CentreView(), today=today))


def events(period):
    """Events held in the period, by kind, with attendance and the supported schools' share."""
    start = timezone.make_aware(
        timezone.datetime.combine(period.starts_on, timezone.datetime.min.time())
    )
    end = timezone.make_aware(
        timezone.datetime.combine(period.ends_on, timezone.datetime.max.time())
    )
    held = Event.objects.filter(status=Event.Status.HELD, starts_at__range=(start, end))
    by_kind = dict(held.values_list("kind").annotate(n=Count("pk")))
    attended = Registration.objects.filter(event__in=held, attended=True)
    per_kind = {
        row["event__kind"]: row
        for row in attended.values("event__kind").annotate(
            participants=Count("pk"),
            supported=Count("pk", filter=Q(teacher__school__category__in=SUPPORTED)),
        )
    }
    rows = []
    for kind, count in sorted(by_kind.items(), key=lambda item: -item[1]):
        figures = per_kind.get(kind, {"participants": 0, "supported": 0})
        rows.append(
            {
                "kind": Event.Kind(kind).label,
                "events": count,
                "participants": figures["participants"],
                "supported_share": _percent(figures["supported"], figures["participants"]),
            }
        )
    return rows


def plans(period):
    year = period.starts_on.year
    plans = DevelopmentPlan.objects.filter(year=year)
    by_status = dict(plans.values_list("status").annotate(n=Count("pk")))
    items = plans.aggregate(
        total=Count("items", filter=~Q(items__status=ItemStatus.CANCELLED)),
        done=Count("items", filter=Q(items__status=ItemStatus.DONE)),
    )
    return {
        "by_status": [
            (DevelopmentPlan.Status(s).label, by_status.get(s, 0)) for s in DevelopmentPlan.Status
        ],
        "total": sum(by_status.values()),
        "items_total": items["total"],
        "items_done": items["done"],
        "items_share": _percent(items["done"], items["total"]),
        "teachers_without": Teacher.objects.exclude(development_plans__year=year).count(),
    }


def warnings(period, today):
    return early_warnings(period=period, today=today)


def _percent(part, total):
    return round(100 * part / total, 1) if total else None
