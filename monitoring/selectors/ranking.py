"""Schools ranked on an indicator, computed by the database: a page of the ranking, its
two ends for the chart, and the annotations (last period's value, the target) that the
early warnings share."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from monitoring.models import IndicatorValue, Target
from monitoring.selectors.indicators import TargetStatus, previous_period, target_status
from schools.models import School

# The ranking chart draws this many schools at each end when there are more.
CHART_EACH_END = 10


@dataclass(frozen=True)
class SchoolRow:
    rank: int
    school: School
    value: Decimal
    previous: Decimal | None
    change: Decimal | None
    target: Decimal | None
    status: TargetStatus | None


def with_previous_and_target(values, *, period, before):
    """Annotate published values of ``period`` with ``previous`` (the school's published
    value of ``before``) and ``target`` (the school's own, else the municipality's)."""
    same = {"indicator": OuterRef("indicator"), "school": OuterRef("school")}
    previous = (
        Subquery(
            IndicatorValue.objects.published()
            .filter(**same, period=before)
            .order_by()
            .values("value")[:1]
        )
        if before
        else Value(None, output_field=DecimalField())
    )
    own = Target.objects.filter(**same, period=period).order_by().values("value")[:1]
    town = (
        Target.objects.filter(indicator=OuterRef("indicator"), school__isnull=True, period=period)
        .order_by()
        .values("value")[:1]
    )
    return values.annotate(previous=previous, target=Coalesce(Subquery(own), Subquery(town)))


def ranking_queryset(*, indicator, period, worst_first=False):
    """The published values of an indicator for a period, best first (or worst first)."""
    values = IndicatorValue.objects.published().filter(indicator=indicator, period=period)
    values = with_previous_and_target(values, period=period, before=previous_period(period))
    order = ["-value" if indicator.higher_is_better else "value", "school__sort_name", "school_id"]
    if worst_first:  # the exact reverse, ties included
        order = [name[1:] if name.startswith("-") else f"-{name}" for name in order]
    return values.select_related("school").order_by(*order)


def ranking_rows(values, *, indicator, first_rank=1) -> list[SchoolRow]:
    """``SchoolRow``s of annotated values, numbered from ``first_rank``."""
    rows = []
    for rank, value in enumerate(values, start=first_rank):
        change = None if value.previous is None else value.value - value.previous
        status = target_status(
            value.value, value.target, higher_is_better=indicator.higher_is_better
        )
        rows.append(
            SchoolRow(rank, value.school, value.value, value.previous, change, value.target, status)
        )
    return rows


def school_ranking(*, indicator, period) -> list[SchoolRow]:
    """All schools ordered best first on an indicator for a period, with the change since
    the previous period and the status against the target."""
    return ranking_rows(ranking_queryset(indicator=indicator, period=period), indicator=indicator)


def ranking_ends(*, indicator, period, count, first_rows=None) -> list[SchoolRow]:
    """The best and the lowest ``CHART_EACH_END`` schools of a ranking of ``count`` rows
    (all of them when there are few), best first; two queries whatever the count, one when
    ``first_rows`` (the ranking's first rows, already read) hold the best ones."""
    if first_rows is not None and len(first_rows) >= min(CHART_EACH_END, count):
        best = list(first_rows[:CHART_EACH_END])
    else:
        ranked = ranking_queryset(indicator=indicator, period=period)
        best = ranking_rows(ranked[:CHART_EACH_END], indicator=indicator)
    worst = ranking_queryset(indicator=indicator, period=period, worst_first=True)
    tail = list(worst[: min(CHART_EACH_END, max(count - CHART_EACH_END, 0))])
    lowest = ranking_rows(reversed(tail), indicator=indicator, first_rank=count - len(tail) + 1)
    return best + lowest


def changes_since_last_period(*, indicator, period) -> list[SchoolRow]:
    """The schools that have a value in both periods, the largest fall first."""
    rows = [r for r in school_ranking(indicator=indicator, period=period) if r.change is not None]
    sign = 1 if indicator.higher_is_better else -1
    return sorted(rows, key=lambda r: (sign * r.change, r.school.sort_name))
