"""Dashboards: municipal, school and partnership effect, with SVG charts and tables."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from core.access import get_object_for_user
from monitoring.dashboard_charts import (
    category_trend_chart,
    partnership_effect_chart,
    ranking_chart,
    school_trend_chart,
)
from monitoring.indicator_forms import DashboardForm
from monitoring.models import Indicator, Period
from monitoring.selectors.indicators import municipal_average, periods_up_to, school_profile
from monitoring.selectors.ranking import ranking_ends, ranking_queryset, ranking_rows
from monitoring.selectors.warnings import early_warnings, partnership_effect
from network.models import Partnership
from schools.models import School
from schools.selectors import school_id_of

DEFAULT_INDICATOR = "gia_passed_share"
PAGE_SIZE = 25


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
    trend = category_trend_chart(indicator=indicator, periods=periods_up_to(period))
    ranked = Paginator(ranking_queryset(indicator=indicator, period=period), PAGE_SIZE)
    ranking = ranked.get_page(request.GET.get("ranking_page"))
    rows = ranking_rows(ranking.object_list, indicator=indicator, first_rank=ranking.start_index())
    average = municipal_average(indicator=indicator, period=period)
    ends = ranking_ends(indicator=indicator, period=period, count=ranked.count)
    chart = ranking_chart(
        indicator=indicator, period=period, ranking=ends, average=average, total=ranked.count
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
            "ranking": ranking,
            "ranking_rows": rows,
            "ranking_chart": chart,
            "average": average,
            "warnings": warnings,
            "partnerships": Paginator(
                Partnership.objects.select_related("leader").order_by("title"), PAGE_SIZE
            ).get_page(request.GET.get("partnerships_page")),
        },
    )


@login_required
@require_GET
def mine(request):
    school_id = school_id_of(request.user)
    if school_id is None or not request.user.has_perm("monitoring.keep_school_indicators"):
        raise Http404
    return redirect("monitoring:dashboard_school", school_pk=school_id)


@login_required
@require_GET
def school(request, school_pk):
    school_obj = get_object_for_user(
        request.user,
        School.objects.all(),
        perm="monitoring.view_school_indicators",
        known_by="monitoring.know_school_data",
        pk=school_pk,
    )
    form, indicator, period = _choice(request)
    if indicator is None:
        return _empty(request, form)
    rows = school_profile(school=school_obj, period=period)
    chart = school_trend_chart(
        school=school_obj, indicator=indicator, periods=periods_up_to(period)
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
    # Nobody else learns that the partnership exists.
    partnership_obj = get_object_for_user(
        request.user,
        Partnership.objects.select_related("leader"),
        perm="monitoring.view_partnership_effect",
        known_by="monitoring.view_partnership_effect",
        pk=pk,
    )
    form, indicator, _period = _choice(request)
    supported = list(partnership_obj.schools.order_by("sort_name"))
    if indicator is None or not supported:
        return _empty(request, form)
    chosen = next((s for s in supported if str(s.pk) == request.GET.get("school")), supported[0])
    effect = partnership_effect(partnership=partnership_obj, indicator=indicator, school=chosen)
    chart = partnership_effect_chart(effect)
    return render(
        request,
        "monitoring/dashboards/partnership.html",
        {
            "form": form,
            "partnership": partnership_obj,
            "supported": supported,
            "chosen": chosen,
            "extra": {"school": chosen.pk},  # kept when another indicator is chosen
            "indicator": indicator,
            "effect": effect,
            "chart": chart,
        },
    )
