"""The curator's list of schools and the municipal summary of the programmes."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from core.dates import academic_year_label, current_academic_year
from core.forms import id_or_none
from programmes import summary
from programmes.figures import percent, share
from programmes.models import MonitoringRound


def _year(request):
    year = id_or_none(request.GET.get("year"))
    return year if year is not None and 2000 <= year <= 2100 else current_academic_year()


def _years(year):
    current = current_academic_year()
    return [(y, academic_year_label(y)) for y in range(current - 3, current + 1)] + (
        [] if current - 3 <= year <= current else [(year, academic_year_label(year))]
    )


@login_required
def curator_list(request):
    if not request.user.has_perm("programmes.view_curator_list"):
        raise PermissionDenied
    year = _year(request)
    everyone = request.GET.get("all") == "1"
    rows = summary.curator_rows(request.user, year, everyone=everyone)
    return render(
        request,
        "programmes/curator_list.html",
        {
            "rows": rows,
            "year": year,
            "years": _years(year),
            "everyone": everyone,
            "stages": MonitoringRound.Stage,
            "can_assign": request.user.has_perm("programmes.assign_curator"),
        },
    )


@login_required
def summary_view(request):
    if not request.user.has_perm("programmes.view_summary"):
        raise PermissionDenied
    year = _year(request)
    done, due = summary.measures_on_time(year, timezone.localdate())
    stages, closed_between = summary.monitoring_summary(year)
    return render(
        request,
        "programmes/summary.html",
        {
            "year": year,
            "years": _years(year),
            "risks": summary.risk_counts(year),
            "documents": summary.document_counts(year),
            "on_time": {"done": done, "due": due, "share": percent(share(done, due))},
            "stages": stages,
            "closed_between": closed_between,
            "can_assign": request.user.has_perm("programmes.assign_curator"),
        },
    )
