"""What directors write into a roadmap: problems, activities, results and evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.errors import DomainError
from network import services
from network.forms import ActivityForm, CompleteForm, ConclusionForm, OutcomeForm, ProblemForm
from network.models import Stage
from network.views.common import (
    activities,
    get_activity,
    get_partnership,
    get_problem,
    get_stage,
    private_file,
    problems,
)


def _roadmap_url(partnership, anchor=""):
    return partnership.get_absolute_url() + (f"#{anchor}" if anchor else "")


def _closed(request, stage, partnership):
    """Send the user back when the stage does not take changes now."""
    try:
        services.stage_require_editable(stage)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(_roadmap_url(partnership, f"stage-{stage.number}"))
    return None


def _form_page(request, form, heading, partnership, *, files=False, subject=None):
    return render(
        request,
        "network/form.html",
        {
            "form": form,
            "heading": heading,
            "subject": subject,
            "partnership": partnership,
            "back_url": _roadmap_url(partnership),
            "files": files,
        },
    )


def _save(request, form, partnership, action, success, anchor):
    """Run the service for a valid form; its refusal becomes the form's error."""
    try:
        action()
    except DomainError as error:
        form.add_error(None, str(error))
        return None
    messages.success(request, success)
    return redirect(_roadmap_url(partnership, anchor))


# --- problems ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def problem_add(request, pk):
    partnership = get_partnership(request.user, pk, perm="network.add_problem")
    stage = partnership.roadmap.stages.get(kind=Stage.Kind.ACQUAINTANCE)
    stage.roadmap.partnership = partnership
    if closed := _closed(request, stage, partnership):
        return closed
    form = ProblemForm(request.POST or None, user=request.user, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _save(
            request,
            form,
            partnership,
            lambda: services.problem_create(roadmap=stage.roadmap, by=request.user, **data),
            _("The problem is recorded."),
            "stage-1",
        )
        if done:
            return done
    return _form_page(request, form, _("New problem"), partnership)


@login_required
@require_http_methods(["GET", "POST"])
def problem_edit(request, pk):
    problem = get_problem(request.user, pk, perm="network.change_problem")
    partnership = problem.roadmap.partnership
    stage = problem.roadmap.stages.get(kind=Stage.Kind.ACQUAINTANCE)
    if closed := _closed(request, stage, partnership):
        return closed
    form = ProblemForm(
        request.POST or None, instance=problem, user=request.user, partnership=partnership
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        problem = problems().get(pk=pk)  # the form changed the instance it holds
        done = _save(
            request,
            form,
            partnership,
            lambda: services.problem_update(problem=problem, by=request.user, data=data),
            _("The problem is saved."),
            "stage-1",
        )
        if done:
            return done
    return _form_page(request, form, _("Problem"), partnership, subject=problem.title)


@login_required
@require_http_methods(["GET", "POST"])
def problem_outcome(request, pk):
    # The outcome is part of the problem: whoever may edit the problem records it.
    problem = get_problem(request.user, pk, perm="network.change_problem")
    partnership = problem.roadmap.partnership
    stage = problem.roadmap.stages.get(kind=Stage.Kind.REFLECTION)
    if closed := _closed(request, stage, partnership):
        return closed
    form = OutcomeForm(request.POST or None, initial={"outcome": problem.outcome})
    if request.method == "POST" and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        done = _save(
            request,
            form,
            partnership,
            lambda: services.problem_record_outcome(
                problem=problem, by=request.user, outcome=outcome
            ),
            _("The outcome is saved."),
            "stage-3",
        )
        if done:
            return done
    return _form_page(request, form, _("What changed"), partnership, subject=problem.title)


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_conclusion(request, pk):
    partnership = get_partnership(request.user, pk, perm="network.change_roadmap")
    roadmap = partnership.roadmap
    stage = roadmap.stages.get(kind=Stage.Kind.REFLECTION)
    if closed := _closed(request, stage, partnership):
        return closed
    form = ConclusionForm(request.POST or None, initial={"conclusion": roadmap.conclusion})
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["conclusion"]
        done = _save(
            request,
            form,
            partnership,
            lambda: services.roadmap_conclude(roadmap=roadmap, by=request.user, conclusion=text),
            _("The conclusion is saved."),
            "stage-3",
        )
        if done:
            return done
    return _form_page(request, form, _("Overall conclusion"), partnership)


# --- activities ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request, pk):
    stage = get_stage(request.user, pk, perm="network.add_activity")
    partnership = stage.roadmap.partnership
    if closed := _closed(request, stage, partnership):
        return closed
    form = ActivityForm(request.POST or None, user=request.user, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("state", None)
        done = _save(
            request,
            form,
            partnership,
            lambda: services.activity_create(stage=stage, by=request.user, **data),
            _("The activity is added."),
            f"stage-{stage.number}",
        )
        if done:
            return done
    subject = f"{stage.number}. {stage.get_kind_display()}"
    return _form_page(request, form, _("New activity"), partnership, subject=subject)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = get_activity(request.user, pk, perm="network.change_activity")
    partnership = activity.stage.roadmap.partnership
    if closed := _closed(request, activity.stage, partnership):
        return closed
    form = ActivityForm(
        request.POST or None, instance=activity, user=request.user, partnership=partnership
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "participants"}
        participants = form.cleaned_data["participants"]
        fresh = activities().get(pk=pk)
        done = _save(
            request,
            form,
            partnership,
            lambda: services.activity_update(
                activity=fresh, by=request.user, data=data, participants=participants
            ),
            _("The activity is saved."),
            f"activity-{pk}",
        )
        if done:
            return done
    return _form_page(request, form, _("Activity"), partnership, subject=activity.title)


@login_required
@require_http_methods(["GET", "POST"])
def activity_complete(request, pk):
    activity = get_activity(request.user, pk, perm="network.change_activity")
    partnership = activity.stage.roadmap.partnership
    if closed := _closed(request, activity.stage, partnership):
        return closed
    form = CompleteForm(
        request.POST or None,
        request.FILES or None,
        initial={"result": activity.result, "evidence_link": activity.evidence_link},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _save(
            request,
            form,
            partnership,
            lambda: services.activity_complete(
                activity=activity,
                by=request.user,
                result=data["result"],
                completed_on=data["completed_on"],
                evidence_file=data["evidence_file"],
                evidence_link=data["evidence_link"],
            ),
            _("The activity is done."),
            f"activity-{pk}",
        )
        if done:
            return done
    return _form_page(
        request, form, _("Complete the activity"), partnership, files=True, subject=activity.title
    )


@login_required
@require_GET
def activity_evidence(request, pk):
    activity = get_activity(request.user, pk, perm="network.view_activity")
    return private_file(activity.evidence_file, activity.evidence_name)
