"""The municipal report's indicator sections: by school category, and the best and lowest.

Aggregated in SQL (one query per section, one per indicator for the extremes), so the
section has the same size and nearly the same cost for 20 schools or 2,000.
"""

from django.db.models import Avg, Count, F, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from core.formats import decimal_comma
from monitoring.dashboard_charts import category_trend_chart
from monitoring.models import Indicator, IndicatorValue, Target
from monitoring.selectors.indicators import CATEGORY_ORDER, periods_up_to, targets_of
from reports.document import Chart, Paragraph, Section, Table
from reports.kinds.period_facts import Scope, category_of_year
from schools.models import School

# The indicators whose trends the report draws (the rest are in the tables).
CHART_CODES = ["gia_passed_share", "contests_share", "teachers_online_share"]
EXTREMES = 3  # best and lowest schools shown per indicator


def num(value, places=1):
    return decimal_comma(value, places=places)


def indicators():
    return list(Indicator.objects.filter(is_active=True).order_by("order", "pk"))


def _by_category(period):
    """{(indicator id, category): figures} of the published values of ``period``, one query.

    ``up`` and ``down`` count the schools at or above, at or below their target (the
    school's own, else the municipality's).
    """
    target = Target.objects.filter(
        indicator_id=OuterRef("indicator_id"), period_id=OuterRef("period_id")
    )
    own = target.filter(school_id=OuterRef("school_id")).values("value")[:1]
    municipal = target.filter(school__isnull=True).values("value")[:1]
    rows = (
        IndicatorValue.objects.published()
        .filter(period=period, indicator__is_active=True)
        .annotate(
            then=category_of_year(period.starts_on.year, "school_id"),
            goal=Coalesce(Subquery(own), Subquery(municipal)),
        )
        .values("indicator_id", "then")
        .annotate(
            avg=Avg("value"),
            low=Min("value"),
            high=Max("value"),
            n=Count("pk"),
            up=Count("pk", filter=Q(value__gte=F("goal"))),
            down=Count("pk", filter=Q(value__lte=F("goal"))),
        )
    )
    return {(row["indicator_id"], row["then"]): row for row in rows}


def by_category(scope: Scope) -> Section:
    found = indicators()
    now = _by_category(scope.period)
    before = _by_category(scope.previous) if scope.previous else {}
    targets = targets_of(indicators=found, periods=[scope.period])
    previous_name = scope.previous.name if scope.previous else _("last period")
    section = Section(_("Indicators by school category"))
    section.blocks.append(
        Paragraph(
            _(
                "Average, lowest and highest approved value per school category, the change "
                "against %(previous)s and the municipal target; each school's values are in "
                "the annex."
            )
            % {"previous": previous_name}
        )
    )
    for indicator in found:
        target = targets.get((indicator.pk, None, scope.period.pk))
        own_targets = any(i == indicator.pk and s for (i, s, _p) in targets)
        rows = []
        for category in CATEGORY_ORDER:
            row = now.get((indicator.pk, category))
            if row is None:
                continue
            old = before.get((indicator.pk, category))
            change = None if old is None else row["avg"] - old["avg"]
            rows.append(
                [
                    School.Category(category).label,
                    row["n"],
                    num(old["avg"]) if old else "—",
                    num(row["avg"]),
                    ("+" if change and change > 0 else "") + num(change),
                    f"{num(row['low'])} – {num(row['high'])}",
                    num(target),
                    row["up" if indicator.higher_is_better else "down"]
                    if target is not None or own_targets
                    else "—",
                ]
            )
        unit = ", %" if indicator.is_percent else ""
        sub = Section(f"{indicator.name}{unit}")
        if rows:
            sub.blocks.append(
                Table(
                    headers=[
                        _("Category"),
                        _("Schools"),
                        previous_name,
                        scope.period.name,
                        _("Change since last period"),
                        _("Lowest – highest"),
                        _("Target"),
                        _("Reached the target"),
                    ],
                    rows=rows,
                    numeric=frozenset({1, 2, 3, 4, 6, 7}),
                )
            )
        else:
            sub.blocks.append(Paragraph(_("No approved values for this period."), muted=True))
        section.subsections.append(sub)
    return section


def trends(scope: Scope) -> Section | None:
    periods = periods_up_to(scope.period, count=3)
    charts = [
        category_trend_chart(indicator=i, periods=periods)
        for i in Indicator.objects.filter(code__in=CHART_CODES, is_active=True).order_by("order")
    ]
    if not charts:
        return None
    section = Section(_("Main indicators over the years"))
    for chart in charts:
        section.blocks.append(
            Chart(
                svg=chart.svg,
                table=Table(headers=list(chart.headers), rows=[list(r) for r in chart.rows]),
            )
        )
    return section


def extremes(scope: Scope) -> Section:
    section = Section(_("The best and the lowest schools by indicator"))
    section.blocks.append(
        Paragraph(
            _("The %(n)s schools with the best and the %(n)s with the lowest value.")
            % {"n": EXTREMES}
        )
    )
    for indicator in indicators():
        values = (
            IndicatorValue.objects.published()
            .filter(period=scope.period, indicator=indicator)
            .annotate(then=category_of_year(scope.year, "school_id"))
            .select_related("school")
        )
        best_first = ("-value", "school__sort_name")
        worst_first = ("value", "school__sort_name")
        if not indicator.higher_is_better:
            best_first, worst_first = worst_first, best_first
        best = list(values.order_by(*best_first)[:EXTREMES])
        seen = {v.pk for v in best}
        lowest = [v for v in values.order_by(*worst_first)[:EXTREMES] if v.pk not in seen]
        if not best:
            continue
        rows = [[_("Best")]]
        rows += [_school_row(v) for v in best]
        if lowest:
            rows.append([_("Lowest")])
            rows += [_school_row(v) for v in lowest]
        groups = frozenset({0} | ({len(best) + 1} if lowest else set()))
        unit = ", %" if indicator.is_percent else ""
        sub = Section(f"{indicator.name}{unit}")
        sub.blocks.append(
            Table(
                headers=[_("School"), _("Category"), _("Value")],
                rows=rows,
                numeric=frozenset({2}),
                group_rows=groups,
            )
        )
        section.subsections.append(sub)
    return section


def _school_row(value):
    return [str(value.school), School.Category(value.then).label, num(value.value, 2)]
