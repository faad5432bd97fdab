"""The school's programme page and the forms of its profile, programme, risks and measures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.dates import academic_year_label, current_academic_year
from core.errors import DomainError
from programmes import forms, services
from programmes.figures import figures_for
from programmes.models import Module, MonitoringRound, RiskProfile
from programmes.selectors import profile_detail
from programmes.views.common import get_measure, get_profile, get_risk
from schools.selectors import school_of


@login_required
def mine(request):
    """The user's school's programme of this year, or the offer to start it."""
    school = school_of(request.user)
    if school is None:
        raise Http404
    profile = RiskProfile.objects.filter(school=school).order_by("-year").first()
    if profile is not None and request.user.has_perm("programmes.view_programme", profile):
        return redirect(profile)
    if profile is not None or not request.user.has_perm("programmes.start_programme"):
        return render(request, "programmes/none.html", {"school": school, "can_start": False})
    return render(
        request,
        "programmes/none.html",
        {
            "school": school,
            "can_start": school.is_supported,
            "year": academic_year_label(current_academic_year()),
        },
    )


@login_required
@require_POST
def start(request):
    school = school_of(request.user)
    if school is None or not request.user.has_perm("programmes.start_programme"):
        raise PermissionDenied
    try:
        profile = services.programme_start(
            school=school, year=current_academic_year(), by=request.user
        )
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("programmes:mine")
    messages.success(request, _("The risk profile is opened: assess each risk factor."))
    return redirect("programmes:profile_edit", profile.pk)


def _path_steps(profile, programme, rounds):
    """Seed 004's path, from self-diagnosis to monitoring, with how far the school got."""
    stages = {monitoring.stage for monitoring in rounds}
    return [
        (_("Self-diagnosis of risk factors"), profile.state == RiskProfile.State.ACCEPTED),
        (_("Programme of measures per risk"), programme.state == RiskProfile.State.ACCEPTED),
        (_("Entry monitoring"), MonitoringRound.Stage.ENTRY in stages),
        (_("Interim monitoring"), MonitoringRound.Stage.INTERIM in stages),
        (_("Final monitoring"), MonitoringRound.Stage.FINAL in stages),
    ]


@login_required
def detail(request, pk):
    profile = get_profile(request.user, pk, perm="programmes.view_programme")
    profile = profile_detail(profile.pk).get()
    programme = profile.programme
    assessments = list(profile.assessments.all())
    figures = figures_for(profile.school, profile.year, [a.risk_factor for a in assessments])
    for assessment in assessments:
        assessment.figures = figures.get(assessment.risk_factor_id, [])
    risks = list(programme.risks.all())
    rounds = list(programme.rounds.all())
    user = request.user
    context = {
        "profile": profile,
        "programme": programme,
        "assessments": assessments,
        "risks": risks,
        "rounds": rounds,
        "path": _path_steps(profile, programme, rounds),
        "next_stage": next(
            (s for s in MonitoringRound.ORDER if s not in {r.stage for r in rounds}), None
        ),
        "can_edit": user.has_perm("programmes.change_programme", profile),
        "can_review": user.has_perm("programmes.review_programme", profile),
        "can_comment": user.has_perm("programmes.comment_programme", profile),
        "can_enter": user.has_perm("programmes.enter_monitoring", profile),
        "modules": Module,
    }
    return render(request, "programmes/detail.html", context)


@login_required
def profile_edit(request, pk):
    profile = get_profile(request.user, pk, perm="programmes.change_programme")
    assessments = profile.assessments.select_related("risk_factor")
    form = forms.ProfileForm(request.POST or None, assessments=assessments)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(profile=profile, by=request.user, rows=form.cleaned_rows())
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The risk profile is saved."))
            return redirect(profile)
    figures = figures_for(profile.school, profile.year, [a.risk_factor for a in form.assessments])
    for assessment in form.assessments:
        assessment.figures = figures.get(assessment.risk_factor_id, [])
    return render(request, "programmes/profile_form.html", {"profile": profile, "form": form})


def _form_page(request, form, heading, profile, subject=""):
    return render(
        request,
        "programmes/form.html",
        {"form": form, "heading": heading, "profile": profile, "subject": subject},
    )


@login_required
def programme_edit(request, pk):
    profile = get_profile(request.user, pk, perm="programmes.change_programme")
    programme = profile.programme
    form = forms.ProgrammeForm(request.POST or None, initial={"goal": programme.goal})
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_update(
                programme=programme, by=request.user, goal=form.cleaned_data["goal"]
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The programme is saved."))
            return redirect(profile)
    return _form_page(request, form, _("Goal of the development concept"), profile)


@login_required
def risk_edit(request, pk):
    risk = get_risk(request.user, pk, perm="programmes.change_programme")
    profile = risk.programme.profile
    form = forms.RiskForm(request.POST or None, initial={"goal": risk.goal, "tasks": risk.tasks})
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_update(risk=risk, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The antirisk programme is saved."))
            return redirect(f"{profile.get_absolute_url()}#risk-{risk.pk}")
    return _form_page(
        request, form, _("Antirisk programme"), profile, subject=risk.assessment.risk_factor
    )


def _measure_data(form):
    data = dict(form.cleaned_data)
    plan_items = data.pop("plan_items")
    return data, plan_items


@login_required
def measure_add(request, pk):
    risk = get_risk(request.user, pk, perm="programmes.change_programme")
    profile = risk.programme.profile
    form = forms.MeasureForm(request.POST or None, school=profile.school)
    if request.method == "POST" and form.is_valid():
        data, plan_items = _measure_data(form)
        try:
            services.measure_create(risk=risk, by=request.user, plan_items=plan_items, **data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The measure is added."))
            return redirect(f"{profile.get_absolute_url()}#risk-{risk.pk}")
    return _form_page(request, form, _("New measure"), profile, subject=risk.assessment.risk_factor)


@login_required
def measure_edit(request, pk):
    measure = get_measure(request.user, pk, perm="programmes.change_programme")
    profile = measure.risk.programme.profile
    form = forms.MeasureForm(request.POST or None, instance=measure, school=profile.school)
    if request.method == "POST" and form.is_valid():
        data, plan_items = _measure_data(form)
        try:
            services.measure_update(
                measure=measure, by=request.user, data=data, plan_items=plan_items
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The measure is saved."))
            return redirect(f"{profile.get_absolute_url()}#risk-{measure.risk_id}")
    return _form_page(request, form, _("Measure"), profile, subject=measure.title)
