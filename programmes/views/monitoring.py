"""Entering a monitoring stage of an accepted programme, and the curator's conclusion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from programmes import services
from programmes.forms import ConclusionForm, MonitoringForm
from programmes.indicators import known_values
from programmes.models import MonitoringRound
from programmes.selectors import programme_measures
from programmes.views.common import get_profile, get_round, run


@login_required
def monitoring_enter(request, pk, stage):
    profile = get_profile(request.user, pk, perm="programmes.enter_monitoring")
    if stage not in MonitoringRound.Stage.values:
        raise Http404
    stage = MonitoringRound.Stage(stage)
    programme = profile.programme
    existing = programme.rounds.filter(stage=stage).first()
    progress = {p.measure_id: p for p in existing.progress.all()} if existing else {}
    measures = list(programme_measures(programme))
    # The stage is saved as of today, so it takes the values that monitoring has today.
    known = known_values(
        school=profile.school, measures=measures, on=timezone.localdate(), year=profile.year
    )
    form = MonitoringForm(request.POST or None, measures=measures, progress=progress, known=known)
    if request.method == "POST" and form.is_valid():
        try:
            services.monitoring_enter(
                programme=programme, stage=stage, by=request.user, rows=form.cleaned_rows()
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The %(stage)s is saved.") % {"stage": stage.label.lower()})
            return redirect(f"{profile.get_absolute_url()}#monitoring")
    return render(
        request,
        "programmes/monitoring_form.html",
        {"profile": profile, "form": form, "stage": stage},
    )


@login_required
@require_POST
def monitoring_conclude(request, pk):
    monitoring = get_round(request.user, pk, perm="programmes.conclude_monitoring")
    profile = monitoring.programme.profile
    url = f"{profile.get_absolute_url()}#monitoring"
    form = ConclusionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the conclusion."))
        return redirect(url)
    return run(
        request,
        lambda: services.monitoring_conclude(
            monitoring=monitoring, by=request.user, conclusion=form.cleaned_data["conclusion"]
        ),
        _("The conclusion is saved."),
        url,
    )
