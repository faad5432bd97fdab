"""The methodologist's pages: edit and publish events, registrations, attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.access import get_object_for_user
from core.exports import XLSX_TYPE, table_workbook
from events.filters import RegistrationFilter
from events.forms import EventForm, MaterialForm
from events.models import ContestApplication, Event, Registration
from events.services import (
    EventsError,
    application_review,
    attendance_mark_many,
    event_cancel,
    event_close,
    event_create,
    event_publish,
    event_update,
)

PAGE_SIZE = 50


# The back office of an event is the centre's: a published event is public, its
# registrations, attendance and applications are not, so others get 404, never 403.
KNOWN_BY = "events.know_event_management"


def _event(request, pk, perm="events.manage_event"):
    return get_object_for_user(
        request.user, Event.objects.all(), perm=perm, known_by=KNOWN_BY, pk=pk
    )


def _form_data(form):
    return {k: v for k, v in form.cleaned_data.items() if k != "subjects"}


@login_required
@require_http_methods(["GET", "POST"])
def event_create_view(request):
    if not request.user.has_perm("events.manage_event"):
        raise PermissionDenied
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(
                data=_form_data(form), subjects=form.cleaned_data["subjects"], by=request.user
            )
        except EventsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is saved as a draft."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk):
    event = _event(request, pk)
    form = EventForm(request.POST or None, instance=Event.objects.get(pk=event.pk))
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in form.changed_data if k != "subjects"}
        try:
            event_update(
                event=event, data=data, subjects=form.cleaned_data["subjects"], by=request.user
            )
        except EventsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "event": event, "material_form": MaterialForm()},
    )


def _lifecycle(request, pk, action, success):
    event = _event(request, pk)
    try:
        action(event=event, by=request.user)
    except EventsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("events:detail", pk=event.pk)


@login_required
@require_POST
def event_publish_view(request, pk):
    return _lifecycle(request, pk, event_publish, _("The event is published."))


@login_required
@require_POST
def event_cancel_view(request, pk):
    return _lifecycle(
        request, pk, event_cancel, _("The event is cancelled; the participants are told.")
    )


@login_required
@require_POST
def event_close_view(request, pk):
    return _lifecycle(request, pk, event_close, _("The event is closed as held."))


@login_required
@require_POST
def material_add(request, pk):
    event = _event(request, pk)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        material = form.save(commit=False)
        material.event = event
        material.save()
        messages.success(request, _("The material is added."))
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Check the material."))
    return redirect("events:detail", pk=event.pk)


def _registrations(request, event):
    rows = Registration.objects.visible_to(request.user).filter(event=event)
    rows = rows.select_related("teacher__school").order_by("status", "created_at", "pk")
    return RegistrationFilter(request.GET, queryset=rows)


@login_required
def registration_list(request, pk):
    event = _event(request, pk, "events.view_registrations")
    registration_filter = _registrations(request, event)
    page = Paginator(registration_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/registration_list.html",
        {
            "event": event,
            "filter": registration_filter,
            "page": page,
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def registration_export(request, pk):
    event = _event(request, pk, "events.view_registrations")
    headers = [
        _("Surname"),
        _("Name"),
        _("Patronymic"),
        _("School"),
        _("Support category"),
        _("State"),
        _("Registered at"),
        _("Attended"),
    ]
    yes_no = {True: _("yes"), False: _("no"), None: ""}
    rows = [
        [
            row.teacher.last_name,
            row.teacher.first_name,
            row.teacher.patronymic,
            row.teacher.school.short_name,
            row.teacher.school.get_category_display(),
            row.get_status_display(),
            row.created_at,
            yes_no[row.attended],
        ]
        for row in _registrations(request, event).qs
    ]
    body = table_workbook(title=_("Registrations"), headers=headers, rows=rows)
    response = HttpResponse(body, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.pk}.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    event = _event(request, pk)
    rows = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related("teacher__school")
        .order_by("teacher__last_name", "teacher__first_name", "pk")
    )
    if request.method == "POST":
        present = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        marks = {row.pk: row.pk in present for row in rows}
        try:
            changed = attendance_mark_many(event=event, marks=marks, by=request.user)
        except EventsError as error:
            messages.error(request, str(error))
        else:
            saved = ngettext(
                "Attendance is saved: %(n)s change.", "Attendance is saved: %(n)s changes.", changed
            )
            messages.success(request, saved % {"n": changed})
            return redirect("events:attendance", pk=event.pk)
    return render(request, "events/attendance.html", {"event": event, "rows": rows})


@login_required
def application_list(request, pk):
    event = _event(request, pk, "events.view_registrations")
    applications = event.applications.select_related("teacher__school", "reviewed_by")
    return render(
        request,
        "events/application_list.html",
        {
            "event": event,
            "applications": applications,
            "can_review": request.user.has_perm("events.review_application"),
        },
    )


@login_required
@require_POST
def application_review_view(request, pk):
    # Its author and the centre know of an application; anyone else gets 404.
    application = get_object_for_user(
        request.user,
        ContestApplication.objects.select_related("event", "teacher"),
        perm="events.review_application",
        known_by="events.view_application",
        pk=pk,
    )
    try:
        application_review(
            application=application,
            accept=request.POST.get("decision") == "accept",
            by=request.user,
        )
    except EventsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The decision is saved."))
    return redirect("events:applications", pk=application.event_id)
