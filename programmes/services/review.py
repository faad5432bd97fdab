"""The curator's review of a school's risk profile and programme, through core.review."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.review import ReviewFlow, review_accept, review_comment, review_return, review_submit
from notifications.models import Kind
from notifications.recipients import directors_of, methodologists
from notifications.services import notify
from programmes.errors import ProgrammeError
from programmes.models import ProfileEntry, Programme, ProgrammeEntry, RiskProfile
from programmes.models.documents import EDITABLE, ReviewState

PROFILE_FLOW = ReviewFlow(
    entry_model=ProfileEntry,
    thread="profile",
    submittable=EDITABLE,
    submitted=ReviewState.SUBMITTED,
    returned=ReviewState.RETURNED,
    accepted=ReviewState.ACCEPTED,
    error=ProgrammeError,
)

PROGRAMME_FLOW = ReviewFlow(
    entry_model=ProgrammeEntry,
    thread="programme",
    submittable=EDITABLE,
    submitted=ReviewState.SUBMITTED,
    returned=ReviewState.RETURNED,
    accepted=ReviewState.ACCEPTED,
    error=ProgrammeError,
)


def _curators(school):
    curatorship = getattr(school, "curatorship", None)
    if curatorship is not None and curatorship.curator.is_active:
        return [curatorship.curator]
    return methodologists()


def _tell(profile, users, kind, title, entry, anchor):
    notify(
        users,
        kind=kind,
        title=title % {"school": profile.school, "year": profile.academic_year},
        text=entry.text,
        url=f"{profile.get_absolute_url()}#{anchor}-{entry.pk}",
    )


def _locked_profile(profile):
    return RiskProfile.objects.select_for_update().select_related("school").get(pk=profile.pk)


def _locked_programme(programme):
    return (
        Programme.objects.select_for_update().select_related("profile__school").get(pk=programme.pk)
    )


# --- the risk profile ----------------------------------------------------------------


def _check_profile(profile):
    assessments = list(profile.assessments.all())
    if any(not assessment.level for assessment in assessments):
        raise ProgrammeError(_("Assess the level of every risk factor before submitting."))
    if not any(assessment.applies for assessment in assessments):
        raise ProgrammeError(_("Mark at least one risk that applies to the school."))


@transaction.atomic
def profile_submit(*, profile, by) -> RiskProfile:
    """Send the school's risk profile to its curator."""
    profile = _locked_profile(profile)
    if profile.is_editable:
        _check_profile(profile)
    entry = review_submit(flow=PROFILE_FLOW, obj=profile, by=by)
    _tell(
        profile,
        _curators(profile.school),
        Kind.PROGRAMME_SUBMITTED,
        _("The risk profile of %(school)s for %(year)s waits for your review"),
        entry,
        "profile-entry",
    )
    return profile


@transaction.atomic
def profile_accept(*, profile, by, comment="") -> RiskProfile:
    profile = _locked_profile(profile)
    entry = review_accept(flow=PROFILE_FLOW, obj=profile, by=by, comment=comment)
    _tell(
        profile,
        directors_of([profile.school_id]),
        Kind.PROGRAMME_ACCEPTED,
        _("The risk profile of %(school)s for %(year)s is accepted"),
        entry,
        "profile-entry",
    )
    return profile


@transaction.atomic
def profile_return(*, profile, by, comment) -> RiskProfile:
    profile = _locked_profile(profile)
    entry = review_return(flow=PROFILE_FLOW, obj=profile, by=by, comment=comment)
    _tell(
        profile,
        directors_of([profile.school_id]),
        Kind.PROGRAMME_RETURNED,
        _("The risk profile of %(school)s for %(year)s is returned for revision"),
        entry,
        "profile-entry",
    )
    return profile


def profile_comment(*, profile, by, text) -> ProfileEntry:
    return review_comment(flow=PROFILE_FLOW, obj=profile, by=by, text=text)


# --- the programme ---------------------------------------------------------------------


def _check_programme(programme):
    if programme.profile.state not in (ReviewState.SUBMITTED, ReviewState.ACCEPTED):
        raise ProgrammeError(_("Submit the risk profile first: the programme answers its risks."))
    if not programme.goal.strip():
        raise ProgrammeError(_("Write the goal of the development concept before submitting."))
    risks = list(programme.risks.select_related("assessment__risk_factor"))
    if not risks:
        raise ProgrammeError(_("The programme has no risks: mark the risks that apply."))
    for risk in risks:
        if not risk.goal.strip() or not risk.measures.exists():
            raise ProgrammeError(
                _("Give the risk «%(risk)s» a goal and at least one measure before submitting.")
                % {"risk": risk.assessment.risk_factor}
            )


@transaction.atomic
def programme_submit(*, programme, by) -> Programme:
    """Send the school's programme to its curator."""
    programme = _locked_programme(programme)
    if programme.is_editable:
        _check_programme(programme)
    entry = review_submit(flow=PROGRAMME_FLOW, obj=programme, by=by)
    _tell(
        programme.profile,
        _curators(programme.profile.school),
        Kind.PROGRAMME_SUBMITTED,
        _("The programme of %(school)s for %(year)s waits for your review"),
        entry,
        "programme-entry",
    )
    return programme


@transaction.atomic
def programme_accept(*, programme, by, comment="") -> Programme:
    programme = _locked_programme(programme)
    if programme.state == ReviewState.SUBMITTED and (
        programme.profile.state != ReviewState.ACCEPTED
    ):
        raise ProgrammeError(_("Accept the risk profile first: the programme answers its risks."))
    entry = review_accept(flow=PROGRAMME_FLOW, obj=programme, by=by, comment=comment)
    _tell(
        programme.profile,
        directors_of([programme.profile.school_id]),
        Kind.PROGRAMME_ACCEPTED,
        _("The programme of %(school)s for %(year)s is accepted"),
        entry,
        "programme-entry",
    )
    return programme


@transaction.atomic
def programme_return(*, programme, by, comment) -> Programme:
    programme = _locked_programme(programme)
    entry = review_return(flow=PROGRAMME_FLOW, obj=programme, by=by, comment=comment)
    _tell(
        programme.profile,
        directors_of([programme.profile.school_id]),
        Kind.PROGRAMME_RETURNED,
        _("The programme of %(school)s for %(year)s is returned for revision"),
        entry,
        "programme-entry",
    )
    return programme


def programme_comment(*, programme, by, text) -> ProgrammeEntry:
    return review_comment(flow=PROGRAMME_FLOW, obj=programme, by=by, text=text)
