"""Import of indicator values with a preview, and their export, for methodologists."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import ImportRecord
from core.exports import XLSX_TYPE
from core.forms import id_or_none
from monitoring.indicator_forms import ImportForm
from monitoring.models import Period
from monitoring.services.indicator_import import (
    indicator_export,
    indicator_import_apply,
    indicator_import_preview,
    indicator_template,
)
from monitoring.services.indicator_sheet import LONG, WIDE
from monitoring.services.indicators import IndicatorError

SESSION_KEY = "monitoring_indicator_import"


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Upload a file and see every bad cell, or what an import would change."""
    _require(request.user, "monitoring.import_indicator_values")
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        period = form.cleaned_data["period"]
        try:
            plan = indicator_import_preview(data=data, filename=upload.name, period=period)
        except IndicatorError as error:
            form.add_error("file", str(error))
        else:
            request.session[SESSION_KEY] = {
                "name": upload.name,
                "data": base64.b64encode(data).decode("ascii"),
                "period": period.pk if period else None,
            }
    imports = ImportRecord.objects.filter(kind=ImportRecord.Kind.INDICATOR_VALUES).select_related(
        "imported_by"
    )[:10]
    return render(
        request,
        "monitoring/indicators/import.html",
        {"form": form, "plan": plan, "imports": imports},
    )


@login_required
@require_POST
def import_confirm(request):
    """Import the file previewed last: every value or none."""
    _require(request.user, "monitoring.import_indicator_values")
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("monitoring:import")
    period = Period.objects.filter(pk=stored["period"]).first() if stored["period"] else None
    try:
        result = indicator_import_apply(
            data=base64.b64decode(stored["data"]),
            filename=stored["name"],
            period=period,
            by=request.user,
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
