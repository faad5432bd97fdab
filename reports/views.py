from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import get_object_for_user
from reports.forms import ReportOrderForm
from reports.models import Report
from reports.selectors import reports_visible_to
from reports.services import ReportError, report_order, report_retry

PAGE_SIZE = 20


def _require_orderer(user):
    if not user.has_perm("reports.order_report"):
        raise PermissionDenied


def _may_retry(report, user, centre):
    """``reports.retry_report`` for a report the user already sees, without a query:
    the centre, or whoever ordered it (``centre`` is asked once per page)."""
    return report.may_retry and (centre or report.ordered_by_id == user.pk)


def _mark_retriable(page, user):
    """Which failed or stalled reports of the page this user may order again."""
    centre = user.has_perm("reports.order_any_report")
    for report in page.object_list:
        report.can_retry = _may_retry(report, user, centre)


@login_required
@require_GET
def report_list(request):
    _require_orderer(request.user)
    reports = reports_visible_to(request.user)
    if request.GET.get("mine"):
        reports = reports.filter(ordered_by=request.user)
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    _mark_retriable(page, request.user)
    form = ReportOrderForm(user=request.user)
    return render(request, "reports/list.html", {"form": form, "page": page})


@login_required
@require_POST
def report_order_view(request):
    _require_orderer(request.user)
    form = ReportOrderForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            report = report_order(
                kind=form.cleaned_data["kind"], params=form.params(), by=request.user
            )
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The report «%(title)s» is ordered; it will appear here when ready.")
                % {"title": report.title},
            )
            return redirect("reports:report_list")
    reports = reports_visible_to(request.user)
    page = Paginator(reports, PAGE_SIZE).get_page(1)
    _mark_retriable(page, request.user)
    return render(request, "reports/list.html", {"form": form, "page": page}, status=400)


@login_required
@require_GET
def report_status(request):
    """States of the listed reports, for the page to update itself."""
    _require_orderer(request.user)
    ids = [int(i) for i in request.GET.getlist("id") if i.isdigit()][:100]
    reports = reports_visible_to(request.user).filter(pk__in=ids)
    centre = request.user.has_perm("reports.order_any_report")
    return JsonResponse(
        {
            "reports": [
                {
                    "id": r.pk,
                    "status": r.status,
                    "label": r.state_label,
                    "error": r.error,
                    "download": reverse("reports:report_download", args=[r.pk])
                    if r.status == Report.Status.DONE
                    else None,
                    "retry": reverse("reports:report_retry", args=[r.pk])
                    if _may_retry(r, request.user, centre)
                    else None,
                }
                for r in reports
            ]
        }
    )


@login_required
@require_GET
def report_download(request, pk):
    # Nobody who may not see a report learns that it exists.
    report = get_object_for_user(
        request.user,
        Report.objects.all(),
        perm="reports.view_report",
        known_by="reports.view_report",
        pk=pk,
    )
    if report.status != Report.Status.DONE or not report.file:
        raise Http404
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=f"{report.title}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_POST
def report_retry_view(request, pk):
    """Order again, as the same report, one that failed or whose worker died."""
    report = get_object_for_user(
        request.user,
        Report.objects.all(),
        perm="reports.retry_report",
        known_by="reports.view_report",
        pk=pk,
    )
    try:
        report = report_retry(report=report)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The report «%(title)s» is ordered again; it will appear here when ready.")
            % {"title": report.title},
        )
    return redirect("reports:report_list")
