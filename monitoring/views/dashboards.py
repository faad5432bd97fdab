"""Dashboards: municipal, school and partnership effect, with SVG charts and tables.

Each dashboard's body (filters, charts, tables) is the same for everyone who may open the
page: it is kept as HTML (``kept_html``) in the monitoring figures' area, per school or
partnership and day, until monitoring data changes."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET

from core.access import get_object_for_user
from core.kept_html import kept_html
from monitoring.dashboard_charts import partnership_effect_chart, school_trend_chart
from monitoring.dashboard_figures import (
    AREA,
    averages_by_indicator,
    averages_by_period,
    indicators_and_periods,
    municipal_ranking,
    school_warnings,
    supported_schools,
    warnings_page,
)
from monitoring.indicator_forms import DashboardForm
from monitoring.selectors.indicators import periods_up_to, remember_previous, school_profile
from monitoring.selectors.warnings import partnership_effect
from network.models import Partnership
from schools.models import School
from schools.selectors import school_id_of

DEFAULT_INDICATOR = "gia_passed_share"
PAGE_SIZE = 25


class Choice:
    """What a dashboard shows: the form, the indicator and the period, with every active
    indicator and every period read once for the page's other reads (and kept until
    monitoring data changes)."""

    def __init__(self, request):
        self.indicators, self.periods = indicators_and_periods()
        self.lists = {"indicators": self.indicators, "periods": self.periods}
        form = DashboardForm(request.GET or None, **self.lists)
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        self.indicator = data.get("indicator") or _default_indicator(self.indicators)
        self.period = data.get("period") or _current_period(self.periods)
        self.checked = form
        if not self.empty:
            remember_previous(self.period, self.periods)

    @cached_property
    def form(self):
        """The form as shown: unbound once an indicator and a period are chosen, so that
        they appear selected (built only when a body is rendered, not when it is kept)."""
        if self.empty:
            return self.checked
        initial = {"indicator": self.indicator.pk, "period": self.period.pk}
        return DashboardForm(initial=initial, **self.lists)

    @property
    def empty(self):
        return self.indicator is None or self.period is None

    @property
    def by_id(self):
        return {i.pk: i for i in self.indicators}

    def periods_up_to(self):
        return periods_up_to(self.period, among=self.periods)


def _default_indicator(indicators):
    chosen = [i for i in indicators if i.code == DEFAULT_INDICATOR]
    return (chosen or indicators or [None])[0]


def _current_period(periods):
    """As ``Period.objects.current()``: the period that contains today, else the latest."""
    today = timezone.localdate()
    running = [p for p in periods if p.starts_on <= today <= p.ends_on]
    return (running or periods or [None])[0]


def _empty(request, form, template="monitoring/dashboards/empty.html"):
    return render(request, template, {"form": form})


def _kept_body(request, name, scope, choice, template, context):
    """The dashboard's body, kept per scope, chosen indicator and period, and day (the
    warnings and the current period follow the date)."""
    today = timezone.localdate()
    scope = f"{scope}:{choice.indicator.pk}:{choice.period.pk}:{today}"
    return kept_html(request, AREA, name, scope, template, context)


@login_required
@require_GET
def municipal(request):
    if not request.user.has_perm("monitoring.view_municipal_dashboard"):
        raise PermissionDenied
    choice = Choice(request)
    if choice.empty:
        return _empty(request, choice.form)
    body = _kept_body(
        request,
        "municipal-dashboard",
        "all",
        choice,
        "monitoring/dashboards/_municipal_body.html",
        lambda: _municipal_context(request, choice),
    )
    return render(request, "monitoring/dashboards/municipal.html", {"body": body})


def _municipal_context(request, choice):
    indicator, period = choice.indicator, choice.period
    ranking, rows, chart, trend, average = municipal_ranking(
        indicator=indicator,
        period=period,
        periods=choice.periods_up_to(),
        page_size=PAGE_SIZE,
        raw_page=request.GET.get("ranking_page"),
    )
    warnings = warnings_page(
        period=period,
        indicators=choice.by_id,
        page_size=PAGE_SIZE,
        raw_page=request.GET.get("page"),
    )
    return {
        "form": choice.form,
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
    }


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
    choice = Choice(request)
    if choice.empty:
        return _empty(request, choice.form)
    body = _kept_body(
        request,
        "school-dashboard",
        f"school:{school_obj.pk}",
        choice,
        "monitoring/dashboards/_school_body.html",
        lambda: _school_context(school_obj, choice),
    )
    context = {"school": school_obj, "body": body}
    return render(request, "monitoring/dashboards/school.html", context)


def _school_context(school_obj, choice):
    indicator, period = choice.indicator, choice.period
    averages = averages_by_indicator(indicators=choice.indicators, period=period)
    rows = school_profile(
        school=school_obj, period=period, indicators=choice.indicators, averages=averages
    )
    periods = choice.periods_up_to()
    chart = school_trend_chart(
        school=school_obj,
        indicator=indicator,
        periods=periods,
        averages=averages_by_period(indicator=indicator, periods=periods),
    )
    return {
        "form": choice.form,
        "school": school_obj,
        "period": period,
        "indicator": indicator,
        "rows": rows,
        "chart": chart,
        "warnings": school_warnings(period=period, school=school_obj, indicators=choice.by_id),
        "partnerships": Partnership.objects.with_member(school_obj).order_by("title"),
    }


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
    choice = Choice(request)
    supported = supported_schools(partnership_obj)
    if choice.empty or not supported:
        return _empty(request, choice.form)
    chosen = next((s for s in supported if str(s.pk) == request.GET.get("school")), supported[0])
    body = _kept_body(
        request,
        "partnership-dashboard",
        f"partnership:{partnership_obj.pk}:{chosen.pk}",
        choice,
        "monitoring/dashboards/_partnership_body.html",
        lambda: _partnership_context(partnership_obj, choice, supported, chosen),
    )
    return render(request, "monitoring/dashboards/partnership.html", {"body": body})


def _partnership_context(partnership_obj, choice, supported, chosen):
    indicator = choice.indicator
    effect = partnership_effect(
        partnership=partnership_obj, indicator=indicator, school=chosen, averages=averages_by_period
    )
    return {
        "form": choice.form,
        "partnership": partnership_obj,
        "supported": supported,
        "chosen": chosen,
        "extra": {"school": chosen.pk},  # kept when another indicator is chosen
        "indicator": indicator,
        "effect": effect,
        "chart": partnership_effect_chart(effect),
    }
