"""Writing the risk profile and the programme: only while each is a draft or returned."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.services import model_update
from network.models import RiskFactor
from programmes.errors import ProgrammeError
from programmes.indicators import catalogue_indicator
from programmes.models import Measure, Programme, RiskAssessment, RiskProfile, RiskProgramme

MEASURE_FIELDS = {
    "title",
    "module",
    "due_on",
    "responsible",
    "indicator_code",
    "indicator",
    "target",
    "higher_is_better",
    "activity",
    "event",
    "mentorship",
}


def _require_editable(document, what):
    if not document.is_editable:
        raise ProgrammeError(
            _("The %(what)s is «%(state)s»: it can be changed only as a draft or when returned.")
            % {"what": what, "state": document.get_state_display()}
        )


@transaction.atomic
def programme_start(*, school, year, by) -> RiskProfile:
    """Open the school's risk profile and programme for the year, with every risk factor."""
    if not school.is_supported:
        raise ProgrammeError(_("Only a supported school writes an improvement programme."))
    if RiskProfile.objects.filter(school=school, year=year).exists():
        raise ProgrammeError(_("The school already has a risk profile for this year."))
    profile = RiskProfile(school=school, year=year)
    profile._history_user = by
    profile.save()
    RiskAssessment.objects.bulk_create(
        RiskAssessment(profile=profile, risk_factor=factor) for factor in RiskFactor.objects.all()
    )
    Programme.objects.create(profile=profile)
    return profile


@transaction.atomic
def profile_update(*, profile, by, rows) -> RiskProfile:
    """Write each risk's level, justification and whether it applies; ``rows`` by factor id.

    A risk that applies gets its antirisk programme; one that stops applying loses it,
    unless it has measures already.
    """
    profile = RiskProfile.objects.select_for_update().get(pk=profile.pk)
    _require_editable(profile, _("risk profile"))
    programme = profile.programme
    for assessment in profile.assessments.select_related("risk_factor"):
        row = rows.get(assessment.risk_factor_id)
        if row is None:
            continue
        fields = model_update(instance=assessment, data=row)
        if fields:
            assessment._history_user = by
            assessment.save(update_fields=fields)
        risk = RiskProgramme.objects.filter(assessment=assessment).first()
        if assessment.applies and risk is None:
            RiskProgramme.objects.create(programme=programme, assessment=assessment)
        elif not assessment.applies and risk is not None:
            if risk.measures.exists():
                raise ProgrammeError(
                    _("The risk «%(risk)s» has measures in the programme: remove them first.")
                    % {"risk": assessment.risk_factor}
                )
            risk.delete()
    return profile


def _require_programme_editable(programme_id):
    """Lock the programme and refuse unless it is a draft or returned."""
    programme = Programme.objects.select_for_update().get(pk=programme_id)
    _require_editable(programme, _("programme"))
    return programme


@transaction.atomic
def programme_update(*, programme, by, goal) -> Programme:
    programme = _require_programme_editable(programme.pk)
    if model_update(instance=programme, data={"goal": goal.strip()}):
        programme._history_user = by
        programme.save()
    return programme


@transaction.atomic
def risk_update(*, risk, by, goal, tasks) -> RiskProgramme:
    _require_programme_editable(risk.programme_id)
    if model_update(instance=risk, data={"goal": goal.strip(), "tasks": tasks.strip()}):
        risk._history_user = by
        risk.save()
    return risk


def _take_indicator(measure):
    """A monitoring indicator gives the measure its name (when none is written) and its
    direction; a code the catalogue does not have is refused."""
    if not measure.indicator_code:
        return
    indicator = catalogue_indicator(measure.indicator_code)
    if indicator is None:
        raise ProgrammeError(_("There is no such indicator in the monitoring."))
    measure.indicator = measure.indicator.strip() or indicator.name
    measure.higher_is_better = indicator.higher_is_better


def _check_links(measure, school_id):
    """A linked activity must be the school's; a mentorship must involve it."""
    if measure.activity is not None and measure.activity.responsible_school_id != school_id:
        raise ProgrammeError(_("The roadmap activity must be one your school is responsible for."))
    if measure.mentorship is not None and school_id not in (
        measure.mentorship.mentor.school_id,
        measure.mentorship.mentee.school_id,
    ):
        raise ProgrammeError(_("The mentorship must involve a teacher of your school."))


@transaction.atomic
def measure_create(*, risk, by, plan_items=(), **data) -> Measure:
    _require_programme_editable(risk.programme_id)
    measure = Measure(risk=risk)
    model_update(instance=measure, data=data, allowed=MEASURE_FIELDS)
    _take_indicator(measure)
    _check_links(measure, risk.programme.profile.school_id)
    measure._history_user = by
    measure.save()
    measure.plan_items.set(plan_items)
    return measure


@transaction.atomic
def measure_update(*, measure, by, data, plan_items=None) -> Measure:
    _require_programme_editable(measure.risk.programme_id)
    # A model form may have assigned the values already, so the measure is saved whatever changed.
    model_update(instance=measure, data=data, allowed=MEASURE_FIELDS)
    _take_indicator(measure)
    _check_links(measure, measure.risk.programme.profile.school_id)
    measure._history_user = by
    measure.save()
    if plan_items is not None:
        measure.plan_items.set(plan_items)
    return measure
