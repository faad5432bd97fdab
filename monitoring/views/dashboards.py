"""Dashboards: municipal, school and partnership effect, with SVG charts and tables."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from network.models import Partnership
from schools.models import School
from schools.selectors import school_id_of
from schools.views import authorize

from ..charts import Bar, Series, bar_chart, line_chart
from ..indicator_forms import DashboardForm
from ..models import Indicator, Period
from ..selectors.indicators import (
    municipal_average,
    municipal_summary,
    periods_up_to,
    school_profile,
    school_ranking,
    school_series,
)
from ..selectors.warnings import early_warnings, partnership_effect

DEFAULT_INDICATOR = "gia_passed_share"
PAGE_SIZE = 25


@dataclass
class Chart:
    """An SVG chart and the same numbers as a table."""

    svg: str
    title: str
    headers: list
    rows: list


def _number(value):
    return "—" if value is None else number_format(value, decimal_pos=1)


def _point(point):
    """A category's average with its spread and the number of schools, as table text."""
    if point.average is None:
        return "—"
    return _("%(average)s (%(low)s–%(high)s; schools: %(count)s)") % {
        "average": _number(point.average),
        "low": _number(point.low),
        "high": _number(point.high),
        "count": point.count,
    }


def _unit(indicator):
    return "%" if indicator.is_percent else ""


def _choice(request):
    form = DashboardForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    indicator = data.get("indicator") or (
        Indicator.objects.filter(code=DEFAULT_INDICATOR).first() or Indicator.objects.first()
    )
    period = data.get("period") or Period.objects.current()
    if indicator is None or period is None:
        return form, None, None
    # Shown unbound, so that the chosen indicator and period appear selected.
    return (
        DashboardForm(initial={"indicator": indicator.pk, "period": period.pk}),
        indicator,
        period,
    )


def _empty(request, form, template="monitoring/dashboards/empty.html"):
    return render(request, template, {"form": form})


@login_required
@require_GET
def municipal(request):
    if not request.user.has_perm("monitoring.view_municipal_dashboard"):
        raise PermissionDenied
    form, indicator, period = _choice(request)
    if indicator is None:
        return _empty(request, form)
    periods = periods_up_to(period)
    summary = municipal_summary(indicator=indicator, periods=periods)
    title = _("%(name)s by school category") % {"name": indicator.name}
    labels = [p.name for p in periods]
    trend = Chart(
        svg=line_chart(
            title=title,
            labels=labels,
            series=[
                Series(
                    g.label,
                    [p.average for p in g.points],
                    low=[p.low for p in g.points],
                    high=[p.high for p in g.points],
                )
                for g in summary
            ],
            unit=_unit(indicator),
            description=_("Average per category; the band shows the lowest and highest school."),
        ),
        title=title,
        headers=[_("Category")] + labels,
        rows=[[g.label] + [_point(p) for p in g.points] for g in summary],
    )
    ranking = school_ranking(indicator=indicator, period=period)
    average = municipal_average(indicator=indicator, period=period)
    rank_title = _("Ranking of schools, %(period)s") % {"period": period.name}
    ranking_chart = bar_chart(
        title=rank_title,
        bars=[Bar(r.school.short_name, r.value, emphasis=r.school.is_supported) for r in ranking],
        unit=_unit(indicator),
        reference=average,
        reference_label=_("average"),
        description=_("Low-result and unfavourable schools are drawn in orange and bold."),
    )
    warnings = Paginator(early_warnings(period=period), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "monitoring/dashboards/municipal.html",
        {
            "form": form,
            "indicator": indicator,
            "period": period,
            "trend": trend,
            "summary": summary,
            "ranking": ranking,
            "ranking_chart": ranking_chart,
            "average": average,
            "warnings": warnings,
            "partnerships": Partnership.objects.select_related("leader").order_by("title"),
        },
    )


@login_required
@require_GET
def mine(request):
    school_id = school_id_of(request.user)
    if school_id is None or not request.user.is_director:
        raise Http404
    return redirect("monitoring:dashboard_school", school_pk=school_id)


@login_required
@require_GET
def school(request, school_pk):
    school_obj = get_object_or_404(School, pk=school_pk)
    authorize(request.user, "monitoring.view_school_indicators", school_obj, school_obj)
    form, indicator, period = _choice(request)
    if indicator is None:
        return _empty(request, form)
    rows = school_profile(school=school_obj, period=period)
    periods = periods_up_to(period)
    mine_values, averages = school_series(school=school_obj, indicator=indicator, periods=periods)
    labels = [p.name for p in periods]
    title = f"{indicator.name}: {school_obj.short_name}"
    chart = Chart(
        svg=line_chart(
            title=title,
            labels=labels,
            series=[
                Series(school_obj.short_name, mine_values),
                Series(_("Municipal average"), averages),
            ],
            unit=_unit(indicator),
        ),
        title=title,
        headers=[""] + labels,
        rows=[[school_obj.short_name, *mine_values], [_("Municipal average"), *averages]],
    )
    return render(
        request,
        "monitoring/dashboards/school.html",
        {
            "form": form,
            "school": school_obj,
            "period": period,
            "indicator": indicator,
            "rows": rows,
            "chart": chart,
            "warnings": early_warnings(period=period, school=school_obj),
            "partnerships": Partnership.objects.with_member(school_obj).order_by("title"),
        },
    )


@login_required
@require_GET
def partnership(request, pk):
    partnership_obj = get_object_or_404(Partnership.objects.select_related("leader"), pk=pk)
    if not request.user.has_perm("monitoring.view_partnership_effect", partnership_obj):
        raise Http404
    form, indicator, _period = _choice(request)
    supported = list(partnership_obj.schools.order_by("short_name"))
    if indicator is None or not supported:
        return _empty(request, form)
    chosen = next((s for s in supported if str(s.pk) == request.GET.get("school")), supported[0])
    effect = partnership_effect(partnership=partnership_obj, indicator=indicator, school=chosen)
    labels = [p.name for p in effect.periods]
    marker = effect.periods.index(effect.start_period) if effect.start_period else None
    title = _("%(name)s before and after the partnership") % {"name": indicator.name}
    chart = Chart(
        svg=line_chart(
            title=title,
            labels=labels,
            series=[Series(s.name, s.values) for s in effect.series],
            unit=_unit(indicator),
            marker_index=marker,
            marker_label=_("partnership started"),
        ),
        title=title,
        headers=[""] + labels,
        rows=[[s.name, *s.values] for s in effect.series],
    )
    return render(
        request,
        "monitoring/dashboards/partnership.html",
        {
            "form": form,
            "partnership": partnership_obj,
            "supported": supported,
            "chosen": chosen,
            "indicator": indicator,
            "effect": effect,
            "chart": chart,
        },
    )
