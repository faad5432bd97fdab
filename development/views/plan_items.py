"""Items of a development plan: add, add a registered event, complete with evidence, undo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import get_object_for_user, require_perm
from core.forms import id_or_none
from core.private_files import private_attachment
from development.forms import CompleteForm, ItemForm
from development.models.plans import PlanItem
from development.selectors import items_with_plan
from development.services.plans import (
    PlansError,
    plan_item_add,
    plan_item_add_event,
    plan_item_cancel,
    plan_item_complete,
    plan_item_delete,
    plan_item_reopen,
    plan_item_update,
)
from development.views.plans import get_plan_for, plan_detail
from events.models import Event


def get_item_for(request, pk, perm):
    """The item, if the user has ``perm`` on its plan; 403 if they may only see it; else 404."""
    item = get_object_or_404(items_with_plan(), pk=pk)
    require_perm(request.user, perm, item.plan, known_by="development.view_plan")
    return item


@login_required
@require_POST
def item_add(request, pk):
    plan = get_plan_for(request, pk, "development.change_plan")
    form = ItemForm(request.POST)
    if not form.is_valid():
        return plan_detail(request, pk, item_form=form)
    try:
        plan_item_add(plan=plan, by=request.user, **form.cleaned_data)
    except PlansError as error:  # the plan is under review or closed: no form to show it in
        messages.error(request, str(error))
    else:
        messages.success(request, _("The item is added."))
    return redirect("development:plan_detail", pk=plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = get_item_for(request, pk, "development.change_plan")
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            plan_item_update(
                item=PlanItem.objects.get(pk=item.pk), by=request.user, **form.cleaned_data
            )
        except PlansError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The item is saved."))
            return redirect("development:plan_detail", pk=item.plan_id)
    return render(request, "development/item_form.html", {"form": form, "item": item})


@login_required
@require_POST
def item_add_event(request, pk):
    plan = get_plan_for(request, pk, "development.change_plan")
    # A draft event exists for nobody but the centre: 404, as for an id that never was.
    event = get_object_for_user(
        request.user,
        Event.objects.all(),
        perm="events.view_event",
        known_by="events.view_event",
        pk=id_or_none(request.POST.get("event")),
    )
    try:
        item = plan_item_add_event(plan=plan, event=event, by=request.user)
    except PlansError as error:
        messages.error(request, str(error))
    else:
        if item.status == PlanItem.Status.DONE:
            messages.success(request, _("The event is added to the plan and already done."))
        else:
            messages.success(request, _("The event is added to the plan."))
    return redirect("development:plan_detail", pk=plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def item_complete(request, pk):
    item = get_item_for(request, pk, "development.change_plan")
    form = CompleteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_item_complete(item=item, by=request.user, **form.cleaned_data)
        except PlansError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The item is done."))
            return redirect("development:plan_detail", pk=item.plan_id)
    return render(request, "development/item_complete.html", {"form": form, "item": item})


def _change(request, pk, action, done_message, template=None):
    item = get_item_for(request, pk, "development.change_plan")
    if request.method == "GET":
        return render(request, template, {"item": item})
    try:
        action(item=item, by=request.user)
    except PlansError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("development:plan_detail", pk=item.plan_id)


@login_required
@require_POST
def item_reopen(request, pk):
    return _change(request, pk, plan_item_reopen, _("The item is planned again."))


@login_required
@require_http_methods(["GET", "POST"])
def item_cancel(request, pk):
    return _change(
        request,
        pk,
        plan_item_cancel,
        _("The item is cancelled."),
        "development/item_cancel_confirm.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request, pk):
    return _change(
        request,
        pk,
        plan_item_delete,
        _("The item is deleted."),
        "development/item_delete_confirm.html",
    )


@login_required
def evidence_download(request, pk):
    item = get_item_for(request, pk, "development.view_plan")
    return private_attachment(item.evidence_file)
