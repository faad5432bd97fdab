"""A teacher's development plan: create, fill, submit; a reviewer approves or returns it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import get_object_for_user
from core.dates import current_academic_year
from core.forms import posted_text
from core.kept_html import kept_html
from development.forms import CommentForm, ItemForm, PlanForm, ReviewForm
from development.kept import MY_PLANS, my_plans_scope
from development.models.plans import DevelopmentPlan
from development.selectors import (
    offered_registrations,
    plan_history,
    plans_of,
    plans_with_teacher,
    waiting_questionnaires,
)
from development.services.plans import (
    PlansError,
    plan_approve,
    plan_comment_add,
    plan_complete,
    plan_create,
    plan_return,
    plan_submit,
    plan_update,
)
from development.services.questionnaires import difficulties_top
from schools.models import Teacher


def get_plan_for(request, pk, perm):
    """The plan, if the user has ``perm`` on it; 403 if they may only see it; else 404."""
    return get_object_for_user(
        request.user, plans_with_teacher(), perm=perm, known_by="development.view_plan", pk=pk
    )


def _teacher_or_403(user):
    # A superuser has every permission but may have no entry in the registry.
    teacher = getattr(user, "teacher_profile", None)
    if teacher is None or not user.has_perm("development.keep_plan"):
        raise PermissionDenied
    return teacher


@login_required
def my_plans(request):
    teacher = _teacher_or_403(request.user)
    current = current_academic_year()
    body = kept_html(
        request,
        MY_PLANS,
        "my-plans",
        my_plans_scope(teacher),
        "development/_my_plans_body.html",
        lambda: _my_plans_context(teacher, current),
    )
    # A plan may be started for this year and the next, one each.
    started = DevelopmentPlan.objects.filter(teacher=teacher, year__in=[current, current + 1])
    return render(
        request,
        "development/my_plans.html",
        {"body": body, "can_create": started.count() < 2},
    )


def _my_plans_context(teacher, current):
    plans = plans_of(teacher)
    # Registering for an event offers to add it to the plan: here, and on the plan's page.
    active = next((p for p in plans if p.year == current and p.items_open), None)
    return {
        "plans": plans,
        "waiting": waiting_questionnaires(teacher),
        "active": active,
        "offered": offered_registrations(active).count() if active else 0,
    }


def _teacher_to_plan_for(request):
    """The user's own registry entry, or (``?teacher=``) a teacher a reviewer starts a plan for."""
    pk = request.GET.get("teacher", "")
    if not pk:
        return _teacher_or_403(request.user)
    return get_object_for_user(
        request.user,
        Teacher.objects.select_related("school"),
        perm="development.start_plan_for",
        known_by="development.know_teacher",
        pk=pk if pk.isdigit() else 0,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create_view(request):
    teacher = _teacher_to_plan_for(request)
    suggested = difficulties_top(teacher=teacher)
    form = PlanForm(request.POST or None, suggested=suggested, initial={"difficulties": suggested})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = plan_create(
                teacher=teacher,
                year=data["year"],
                theme=data["theme"] or getattr(data["template"], "theme", ""),
                goals=data["goals"],
                difficulties=data.get("difficulties") or [],
                template=data["template"],
                by=request.user,
            )
        except PlansError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The plan is created. Add its items and submit it."))
            return redirect("development:plan_detail", pk=plan.pk)
    return render(
        request,
        "development/plan_form.html",
        {"form": form, "suggested": suggested, "teacher": teacher},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = get_plan_for(request, pk, "development.change_plan")
    if not plan.is_editable:
        messages.info(request, _("Only a draft or a returned plan can be changed."))
        return redirect("development:plan_detail", pk=plan.pk)
    current = list(plan.difficulties.all())
    suggested = difficulties_top(teacher=plan.teacher)
    form = PlanForm(
        request.POST or None,
        suggested=suggested,
        editing=True,
        initial={"theme": plan.theme, "goals": plan.goals, "difficulties": current},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan_update(
                plan=plan,
                theme=data["theme"],
                goals=data["goals"],
                difficulties=data.get("difficulties") or [],
                by=request.user,
            )
        except PlansError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The plan is saved."))
            return redirect("development:plan_detail", pk=plan.pk)
    return render(request, "development/plan_form.html", {"form": form, "plan": plan})


@login_required
def plan_detail(request, pk, item_form=None):
    plan = get_plan_for(request, pk, "development.view_plan")
    user = request.user
    can_change = user.has_perm("development.change_plan", plan)
    return render(
        request,
        "development/plan_detail.html",
        {
            "plan": plan,
            "items": plan.items.select_related("event", "certificate"),
            "difficulties": plan.difficulties.all(),
            "comments": plan.comments.select_related("author"),
            "can_change": can_change,
            "can_review": user.has_perm("development.review_plan", plan),
            "can_comment": user.has_perm("development.comment_plan", plan),
            "can_complete": user.has_perm("development.complete_plan", plan),
            "offered": offered_registrations(plan) if can_change and plan.items_open else [],
            "item_form": item_form or ItemForm(),
            "review_form": ReviewForm(),
            "comment_form": CommentForm(),
            "audit_trail": plan_history(plan)
            if user.has_perm("development.view_plan_history", plan)
            else None,
        },
    )


def _transition(request, pk, perm, action, done_message, *, text=None):
    """Run ``action`` on the plan; ``text``: (form, field, argument) of a posted comment."""
    plan = get_plan_for(request, pk, perm)
    kwargs = {}
    if text is not None:
        form_class, field, argument = text
        kwargs[argument] = posted_text(request, form_class, field)
        if kwargs[argument] is None:  # refused by the form; the user has been told why
            return redirect("development:plan_detail", pk=plan.pk)
    try:
        action(plan=plan, by=request.user, **kwargs)
    except PlansError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("development:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_submit_view(request, pk):
    return _transition(
        request, pk, "development.change_plan", plan_submit, _("The plan is sent for approval.")
    )


@login_required
@require_POST
def plan_approve_view(request, pk):
    return _transition(
        request,
        pk,
        "development.review_plan",
        plan_approve,
        _("The plan is approved."),
        text=(ReviewForm, "comment", "comment"),
    )


@login_required
@require_POST
def plan_return_view(request, pk):
    return _transition(
        request,
        pk,
        "development.review_plan",
        plan_return,
        _("The plan is returned to the teacher."),
        text=(ReviewForm, "comment", "comment"),
    )


@login_required
@require_POST
def plan_complete_view(request, pk):
    return _transition(
        request, pk, "development.complete_plan", plan_complete, _("The plan is completed.")
    )


@login_required
@require_POST
def plan_comment_view(request, pk):
    return _transition(
        request,
        pk,
        "development.comment_plan",
        plan_comment_add,
        _("The comment is added."),
        text=(CommentForm, "text", "text"),
    )
