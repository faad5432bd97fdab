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
from core.figures_cache import bump_on_change
from core.found import suggestions
from core.kept_html import kept_html
from core.pdf import attachment_disposition
from core.private_files import open_stored
from reports.forms import SEARCHES, ReportOrderForm, choosable
from reports.models import Report
from reports.selectors import reports_visible_to
from reports.services import ReportError, report_order, report_retry

PAGE_SIZE = 20
FORM_AREA = "report-form"


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
        report.downloads = downloads(report)


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
    # Rendering the empty form was half the page: its fields follow only from the kinds and
    # fields the reader may use and from the periods.
    kinds = ",".join(value for value, _label in form.fields["kind"].choices)
    form_html = kept_html(
        request,
        FORM_AREA,
        "report-order-form",
        f"{kinds}|{','.join(form.fields)}",
        "reports/_order_form.html",
        lambda: {"form": form},
    )
    return render(
        request, "reports/list.html", {"form": form, "form_html": form_html, "page": page}
    )


def register_invalidation():
    from monitoring.models import Period

    bump_on_change(FORM_AREA, Period)


@login_required
@require_GET
def report_suggest(request, what):
    """The names of the schools, partnerships or events (that the user may order a report
    about) matching what is typed in the order form."""
    _require_orderer(request.user)
    querysets = choosable(request.user)
    if what not in querysets:
        raise Http404
    names = suggestions(querysets[what], SEARCHES[what], request.GET.get("q"))
    return JsonResponse({"names": names})


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
                    "downloads": downloads(r),
                    "retry": reverse("reports:report_retry", args=[r.pk])
                    if _may_retry(r, request.user, centre)
                    else None,
                }
                for r in reports
            ]
        }
    )


# The files of a done report: (model field, extension, content type).
FILES = {
    "pdf": ("file", "pdf", "application/pdf"),
    "docx": (
        "docx",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "annex": ("annex", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _send(request, pk, which):
    # Nobody who may not see a report learns that it exists.
    report = get_object_for_user(
        request.user,
        Report.objects.all(),
        perm="reports.view_report",
        known_by="reports.view_report",
        pk=pk,
    )
    field, extension, content_type = FILES[which]
    stored = getattr(report, field)
    if report.status != Report.Status.DONE or not stored:
        raise Http404
    name = report.title if which != "annex" else _("%(title)s. Annex") % {"title": report.title}
    response = FileResponse(open_stored(stored), content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(
        f"{name}.{extension}",
        fallback=f"report-{report.pk}{'-annex' if which == 'annex' else ''}.{extension}",
    )
    return response


@login_required
@require_GET
def report_download(request, pk):
    return _send(request, pk, "pdf")


@login_required
@require_GET
def report_download_docx(request, pk):
    return _send(request, pk, "docx")


@login_required
@require_GET
def report_download_annex(request, pk):
    return _send(request, pk, "annex")


def downloads(report):
    """The links of a done report's files, in the order the page shows them."""
    if report.status != Report.Status.DONE:
        return []
    links = [(reverse("reports:report_download", args=[report.pk]), _("Download PDF"))]
    if report.docx:
        links.append((reverse("reports:report_download_docx", args=[report.pk]), _("DOCX")))
    if report.annex:
        links.append(
            (reverse("reports:report_download_annex", args=[report.pk]), _("Annex (XLSX)"))
        )
    return [{"href": href, "label": str(label)} for href, label in links]


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
