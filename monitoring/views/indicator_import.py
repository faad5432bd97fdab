"""Import of indicator values with a preview, and their export, for methodologists."""

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import ImportRecord
from core.exports import XLSX_TYPE
from core.forms import id_or_none
from core.import_errors import error_file_response
from monitoring.indicator_forms import ImportForm
from monitoring.models import Period
from monitoring.services.indicator_import import (
    indicator_export,
    indicator_import_apply,
    indicator_import_preview,
    indicator_import_start,
    indicator_template,
)
from monitoring.services.indicator_sheet import HEADER_COLUMNS, LONG, WIDE
from monitoring.services.indicators import IndicatorError

SESSION_KEY = "monitoring_indicator_import"


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


def _stored(request):
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None
    period = Period.objects.filter(pk=stored["period"]).first() if stored["period"] else None
    return stored["name"], base64.b64decode(stored["data"]), period, stored.get("sheet") or None


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Upload a file and see every problem at once, or what an import would change."""
    _require(request.user, "monitoring.import_indicator_values")
    stored = _stored(request) if request.method == "POST" else None
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        period = form.cleaned_data["period"]
        if upload is not None:
            name, data, sheet = upload.name, upload.read(), None
        elif stored is not None:  # the same file again: another sheet or period
            name, data = stored[0], stored[1]
            sheet = form.cleaned_data.get("sheet") or None
        else:
            name = data = sheet = None
            form.add_error("file", _("Choose a file."))
        if data is not None:
            try:
                plan = indicator_import_preview(
                    data=data, filename=name, period=period, sheet=sheet
                )
            except IndicatorError as problem:
                error = str(problem)
                request.session.pop(SESSION_KEY, None)
            else:
                request.session[SESSION_KEY] = {
                    "name": name,
                    "data": base64.b64encode(data).decode("ascii"),
                    "period": period.pk if period else None,
                    "sheet": plan.table.sheet,
                    "values": len(plan.values),
                    "rows": len(plan.table.rows),
                }
                form = ImportForm(
                    initial={"sheet": plan.table.sheet, "period": period},
                    sheets=plan.table.sheets,
                )
    imports = ImportRecord.objects.filter(kind=ImportRecord.Kind.INDICATOR_VALUES).select_related(
        "imported_by"
    )[:10]
    return render(
        request,
        "monitoring/indicators/import.html",
        {
            "form": form,
            "plan": plan,
            "error": error,
            "columns": HEADER_COLUMNS,
            "imports": imports,
            "file_name": stored[0] if stored and plan is None else None,
        },
    )


@login_required
@require_GET
def import_errors(request):
    """The last checked file with an «Ошибка» column beside each bad row."""
    _require(request.user, "monitoring.import_indicator_values")
    stored = _stored(request)
    if stored is None:
        raise Http404
    name, data, period, sheet = stored
    try:
        plan = indicator_import_preview(data=data, filename=name, period=period, sheet=sheet)
    except IndicatorError as problem:
        raise Http404 from problem
    return error_file_response(data=data, filename=name, table=plan.table, problems=plan.problems)


@login_required
@require_POST
def import_confirm(request):
    """Import the file checked last: every value or none."""
    _require(request.user, "monitoring.import_indicator_values")
    stored = _stored(request)
    if stored is None:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("monitoring:import")
    name, data, period, sheet = stored
    values = request.session[SESSION_KEY].get("values", 0)
    if values > settings.IMPORT_BACKGROUND_ROWS:  # a worker's job, with its own page
        job = indicator_import_start(
            data=data,
            filename=name,
            period=period,
            sheet=sheet,
            by=request.user,
            rows=request.session[SESSION_KEY].get("rows", values),
            return_url=reverse("monitoring:import"),
        )
        del request.session[SESSION_KEY]
        return redirect("accounts:import_job", pk=job.pk)
    try:
        result = indicator_import_apply(
            data=data, filename=name, period=period, sheet=sheet, by=request.user
        )
    except IndicatorError as error:  # the file's problems (IndicatorImportError) or a lock
        messages.error(request, str(error))
        return redirect("monitoring:import")
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
        % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
    )
    return redirect("monitoring:import")


@login_required
@require_GET
def import_template(request):
    """The long form's XLSX template, with drop-downs of schools, indicators and periods."""
    _require(request.user, "monitoring.import_indicator_values")
    response = HttpResponse(indicator_template(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="indicators-template.xlsx"'
    return response


@login_required
@require_GET
def export(request):
    """Values in the wide form (one period) or the long form, as XLSX or CSV."""
    _require(request.user, "monitoring.export_indicator_values")
    form = LONG if request.GET.get("form") == LONG else WIDE
    file_format = "csv" if request.GET.get("format") == "csv" else "xlsx"
    period = Period.objects.filter(pk=id_or_none(request.GET.get("period"))).first()
    if form == WIDE and period is None:
        period = Period.objects.current()
    data = indicator_export(period=period, form=form, file_format=file_format)
    content_type = (
        "text/csv; charset=utf-8"
        if file_format == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    suffix = f"-{period.name.replace('/', '-')}" if period else ""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="indicators-{form}{suffix}.{file_format}"'
    )
    return response
