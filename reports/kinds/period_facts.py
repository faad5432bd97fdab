"""What was true at the end of a period, for reports of past periods.

Categories come from the category history for the period's academic year, teachers from
the registry's history as of the period's end (a teacher added or moved later is not
counted), roadmap stages, activities and plan items from their history as well; events
and values are dated records already.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from monitoring.models import Period
from monitoring.selectors.indicators import previous_period
from schools.models import CategoryRecord, School, Teacher


@dataclass(frozen=True)
class Scope:
    """A report's period and the day its facts are taken as of."""

    period: Period
    as_of: date  # the period's end, or today for the period still running
    previous: Period | None

    @property
    def year(self) -> int:
        return self.period.starts_on.year

    @property
    def as_of_moment(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.as_of, time.max))

    @property
    def is_past(self) -> bool:
        return self.period.ends_on < timezone.localdate()


def scope_for(period: Period) -> Scope:
    return Scope(
        period=period,
        as_of=min(period.ends_on, timezone.localdate()),
        previous=previous_period(period),
    )


def category_of_year(year: int, school_ref: str = "pk"):
    """An expression: the category the school had in ``year``, else its current one."""
    recorded = CategoryRecord.objects.filter(school_id=OuterRef(school_ref), year=year)
    current = (
        F("category") if school_ref == "pk" else F(school_ref.removesuffix("_id") + "__category")
    )
    return Coalesce(Subquery(recorded.values("category")[:1]), current, output_field=CharField())


def schools_by_category(scope: Scope) -> dict[str, int]:
    rows = (
        School.objects.annotate(then=category_of_year(scope.year))
        .values("then")
        .annotate(n=Count("pk"))
        .values_list("then", "n")
    )
    return dict(rows)


def as_of(model, scope: Scope):
    """The rows of ``model`` as they stood at the end of the period: two querysets, the
    historical records as of then, and the rows that have no history (loaded in bulk
    without it), taken as they are."""
    tracked = model.history.model.objects.values("id")
    return model.history.as_of(scope.as_of_moment), model.objects.exclude(pk__in=tracked)


def rows_then(model, scope: Scope, fields, **filters) -> list[tuple]:
    """``fields`` of the rows of ``model`` that match ``filters`` as they stood at the end
    of the period: from the history for a past period, live for the running one. The
    filters must read the same on the model and on its historical records."""
    if not scope.is_past:
        return list(model.objects.filter(**filters).values_list(*fields))
    known, untracked = as_of(model, scope)
    return list(known.filter(**filters).values_list(*fields)) + list(
        untracked.filter(**filters).values_list(*fields)
    )


def counts_then(model, scope: Scope, field: str, **filters) -> Counter:
    """How many rows of ``model`` had each value of ``field`` at the period's end, counted
    in the database (as ``rows_then`` reads them)."""
    if not scope.is_past:
        parts = [model.objects.filter(**filters)]
    else:
        parts = [qs.filter(**filters) for qs in as_of(model, scope)]
    counts = Counter()
    for qs in parts:
        counts.update(dict(qs.values_list(field).annotate(n=Count("pk")).order_by()))
    return counts


def teachers_as_of(scope: Scope, school=None):
    known, untracked = as_of(Teacher, scope)
    if school is not None:
        known = known.filter(school_id=school.pk)
        untracked = untracked.filter(school=school)
    return known, untracked


def teacher_count(scope: Scope, school=None) -> int:
    known, untracked = teachers_as_of(scope, school)
    return known.count() + untracked.count()


def supported_categories_q(scope: Scope, path: str) -> Q:
    """Rows whose school (through ``path``) was low-result or unfavourable in the year."""
    supported = (School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE)
    recorded = CategoryRecord.objects.filter(year=scope.year)
    in_record = Q(**{f"{path}__in": recorded.filter(category__in=supported).values("school")})
    unrecorded = ~Q(**{f"{path}__in": recorded.values("school")}) & Q(
        **{f"{path}__category__in": supported}
    )
    return in_record | unrecorded
