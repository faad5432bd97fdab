"""The review of a roadmap's stages: a director submits, a methodologist accepts or returns."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.review import ReviewFlow, review_accept, review_comment, review_return, review_submit
from core.services import model_update
from network.errors import NetworkError
from network.models import Activity, Stage, StageComment
from notifications.models import Kind
from notifications.recipients import directors_of, methodologists
from notifications.services import notify

# What a move through the review writes on a stage.
STATE_FIELDS = {"state", "submitted_at", "accepted_at"}

FLOW = ReviewFlow(
    entry_model=StageComment,
    thread="stage",
    submittable=Stage.EDITABLE,
    submitted=Stage.State.SUBMITTED,
    returned=Stage.State.RETURNED,
    accepted=Stage.State.ACCEPTED,
    error=NetworkError,
)


def _locked(stage) -> Stage:
    return (
        Stage.objects.select_for_update(of=("self", "roadmap"))
        .select_related("roadmap__partnership")
        .get(pk=stage.pk)
    )


def _set_state(stage, state, by, **fields):
    model_update(instance=stage, data={"state": state, **fields}, allowed=STATE_FIELDS)
    stage._history_user = by
    stage.save()


def stage_require_editable(stage) -> None:
    """Refuse changes to a stage that is not open (not started, on review or accepted)."""
    if not stage.is_editable:
        raise NetworkError(
            _(
                "Stage «%(stage)s» is «%(state)s»: it can be changed only while it is open "
                "or returned for revision."
            )
            % {"stage": stage.get_kind_display(), "state": stage.get_state_display()}
        )


def _check_content(stage):
    if stage.kind == Stage.Kind.ACQUAINTANCE:
        if not stage.roadmap.problems.exists():
            raise NetworkError(
                _("Record at least one problem that the partner must help with before submitting.")
            )
    elif stage.kind == Stage.Kind.JOINT_ACTIVITY:
        activities = stage.activities.all()
        if not activities.filter(state=Activity.State.DONE).exists():
            raise NetworkError(_("Complete at least one activity before submitting the stage."))
        unfinished = activities.filter(state__in=Activity.OPEN_STATES).count()
        if unfinished:
            raise NetworkError(
                ngettext(
                    "%(count)s activity is not finished yet. Complete or cancel it "
                    "before submitting the stage.",
                    "%(count)s activities are not finished yet. Complete or cancel each of them "
                    "before submitting the stage.",
                    unfinished,
                )
                % {"count": unfinished}
            )
    else:
        if stage.roadmap.problems.filter(outcome="").exists():
            raise NetworkError(_("Describe what changed for every problem before submitting."))
        if not stage.roadmap.conclusion.strip():
            raise NetworkError(_("Write the overall conclusion before submitting."))


@transaction.atomic
def stage_submit(*, stage, by) -> Stage:
    """Send an open or returned stage to the methodologists for review."""
    stage = _locked(stage)
    if stage.state == Stage.State.LOCKED:
        raise NetworkError(
            _("Stage «%(stage)s» has not started: the previous stage must be accepted first.")
            % {"stage": stage.get_kind_display()}
        )
    if stage.state == Stage.State.SUBMITTED:
        raise NetworkError(_("The stage is already waiting for review."))
    if stage.state == Stage.State.ACCEPTED:
        raise NetworkError(_("The stage is already accepted."))
    _check_content(stage)
    review_submit(flow=FLOW, obj=stage, by=by)
    _tell(
        stage,
        methodologists(),
        Kind.STAGE_SUBMITTED,
        _("Stage «%(stage)s» of «%(partnership)s» waits for your review"),
    )
    return stage


def _tell(stage, users, kind, title, comment=None):
    """Notify about a stage, with a link to it, or to the comment, on the roadmap."""
    partnership = stage.roadmap.partnership
    anchor = f"stage-comment-{comment.pk}" if comment else f"stage-{stage.number}"
    notify(
        users,
        kind=kind,
        title=title % {"stage": stage.get_kind_display(), "partnership": partnership},
        text=comment.text if comment else "",
        url=f"{partnership.get_absolute_url()}#{anchor}",
    )


def _tell_schools(stage, kind, title, comment):
    """The directors of every school of the partnership, the leader's included."""
    schools = stage.roadmap.partnership.member_school_ids()
    _tell(stage, directors_of(schools), kind, title, comment)


def _require_submitted(stage):
    if stage.state != Stage.State.SUBMITTED:
        raise NetworkError(
            _("Only a submitted stage can be reviewed; stage «%(stage)s» is «%(state)s».")
            % {"stage": stage.get_kind_display(), "state": stage.get_state_display()}
        )


@transaction.atomic
def stage_accept(*, stage, by, comment="") -> Stage:
    """Accept a submitted stage and open the next one."""
    stage = _locked(stage)
    _require_submitted(stage)
    review = review_accept(flow=FLOW, obj=stage, by=by, comment=comment)
    following = (
        Stage.objects.select_for_update()
        .filter(roadmap=stage.roadmap, number=stage.number + 1)
        .first()
    )
    if following is not None and following.state == Stage.State.LOCKED:
        _set_state(following, Stage.State.OPEN, by)
        StageComment.objects.create(stage=following, author=by, action=StageComment.Action.OPENED)
    _tell_schools(
        stage, Kind.STAGE_ACCEPTED, _("Stage «%(stage)s» of «%(partnership)s» is accepted"), review
    )
    return stage


@transaction.atomic
def stage_return(*, stage, by, comment) -> Stage:
    """Return a submitted stage for revision; the comment says what to fix."""
    comment = (comment or "").strip()
    if not comment:
        raise NetworkError(_("Say what must be fixed: a returned stage needs a comment."))
    stage = _locked(stage)
    _require_submitted(stage)
    review = review_return(flow=FLOW, obj=stage, by=by, comment=comment)
    _tell_schools(
        stage,
        Kind.STAGE_RETURNED,
        _("Stage «%(stage)s» of «%(partnership)s» is returned for revision"),
        review,
    )
    return stage


def stage_comment(*, stage, by, text) -> StageComment:
    """Add a comment to the stage's review thread."""
    return review_comment(flow=FLOW, obj=stage, by=by, text=text)
