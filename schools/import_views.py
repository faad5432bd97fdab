"""Import of the schools and teachers registries: upload, every problem at once, confirm."""

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import ImportRecord
from core.errors import DomainError
from core.import_errors import XLSX_TYPE, attachment_header, error_file_response
from core.import_template import template_workbook
from schools.import_forms import RegistryImportForm
from schools.imports.columns import COLUMNS, SCHOOLS, TEACHERS
from schools.imports.services import (
    KINDS,
    registry_import_apply,
    registry_import_preview,
    registry_import_start,
)
from schools.imports.templates import FORMATS, FREE, allowed_values

TITLES = {SCHOOLS: gettext_lazy("Import schools"), TEACHERS: gettext_lazy("Import teachers")}
TEMPLATE_NAMES = {SCHOOLS: "шаблон-школы.xlsx", TEACHERS: "шаблон-учителя.xlsx"}


def _kind(request, kind):
    if kind not in KINDS:
        raise Http404
    if not request.user.has_perm("schools.import_registry"):
        raise PermissionDenied
    return kind


def _session_key(kind):
    return f"schools_import_{kind}"


def _stored(request, kind):
    stored = request.session.get(_session_key(kind))
    if not stored:
        return None
    return stored["name"], base64.b64decode(stored["data"]), stored.get("sheet") or None


def _stored_rows(request, kind):
    return (request.session.get(_session_key(kind)) or {}).get("rows", 0)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request, kind):
    """Upload a file and see every problem at once, or what the import would change."""
    kind = _kind(request, kind)
    stored = _stored(request, kind) if request.method == "POST" else None
    form = RegistryImportForm(request.POST or None, request.FILES or None)
    plan = error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload is not None:
            name, data, sheet = upload.name, upload.read(), None
        elif stored is not None:
            name, data, _old = stored
            sheet = form.cleaned_data.get("sheet") or None
        else:
            name = data = sheet = None
            form.add_error("file", _("Choose a file."))
        if data is not None:
            try:
                plan = registry_import_preview(kind=kind, data=data, filename=name, sheet=sheet)
            except DomainError as problem:
                error = str(problem)
                request.session.pop(_session_key(kind), None)
            else:
                request.session[_session_key(kind)] = {
                    "name": name,
                    "data": base64.b64encode(data).decode("ascii"),
                    "sheet": plan.table.sheet,
                    "rows": len(plan.table.rows),
                }
                form = RegistryImportForm(
                    initial={"sheet": plan.table.sheet}, sheets=plan.table.sheets
                )
    imports = ImportRecord.objects.filter(kind=KINDS[kind]).select_related("imported_by")[:10]
    return render(
        request,
        "schools/import.html",
        {
            "kind": kind,
            "title": TITLES[kind],
            "form": form,
            "plan": plan,
            "error": error,
            "columns": COLUMNS[kind],
            "imports": imports,
            "file_name": stored[0] if stored and plan is None else None,
        },
    )


@login_required
@require_GET
def import_errors(request, kind):
    """The last checked file with an «Ошибка» column beside each bad row."""
    kind = _kind(request, kind)
    stored = _stored(request, kind)
    if stored is None:
        raise Http404
    name, data, sheet = stored
    try:
        plan = registry_import_preview(kind=kind, data=data, filename=name, sheet=sheet)
    except DomainError as problem:
        raise Http404 from problem
    return error_file_response(data=data, filename=name, table=plan.table, problems=plan.problems)


@login_required
@require_POST
def import_confirm(request, kind):
    """Import the file checked last: every row or none."""
    kind = _kind(request, kind)
    stored = _stored(request, kind)
    if stored is None:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("schools:import", kind=kind)
    name, data, sheet = stored
    rows = _stored_rows(request, kind)
    if rows > settings.IMPORT_BACKGROUND_ROWS:  # a worker's job, with a progress bar
        job = registry_import_start(
            kind=kind,
            data=data,
            filename=name,
            sheet=sheet,
            by=request.user,
            rows=rows,
            return_url=reverse("schools:import", args=[kind]),
        )
        del request.session[_session_key(kind)]
        return redirect("accounts:import_job", pk=job.pk)
    try:
        plan = registry_import_apply(
            kind=kind, data=data, filename=name, sheet=sheet, by=request.user
        )
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("schools:import", kind=kind)
    del request.session[_session_key(kind)]
    messages.success(
        request,
        _("Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
        % {"created": len(plan.new), "updated": len(plan.changed), "unchanged": plan.unchanged},
    )
    return redirect("schools:import", kind=kind)


@login_required
@require_GET
def import_template(request, kind):
    """The XLSX template: Russian headers, allowed values, drop-downs."""
    kind = _kind(request, kind)
    content = template_workbook(
        columns=COLUMNS[kind], allowed=allowed_values(kind), free=FREE, formats=FORMATS
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment_header(TEMPLATE_NAMES[kind])
    return response
