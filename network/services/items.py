"""What the schools write into a roadmap: problems, activities and their results."""

from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import model_update
from core.uploads import check_upload
from network.errors import NetworkError
from network.models import Activity, Problem, Stage
from network.notices import activity_assigned
from network.services.stages import stage_require_editable

PROBLEM_FIELDS = {"school", "title", "description", "risk_factor"}
ACTIVITY_FIELDS = {
    "title",
    "form",
    "problem",
    "responsible_school",
    "responsible_person",
    "due_on",
    "state",
}


def _stage(roadmap, kind) -> Stage:
    return roadmap.stages.get(kind=kind)


def _require_member(partnership, school):
    if school is None or school.pk not in partnership.member_school_ids():
        raise NetworkError(
            _("%(school)s is not a member of this partnership.") % {"school": school}
        )


def _check_participants(partnership, participants):
    outsiders = [t for t in participants if t.school_id not in partnership.member_school_ids()]
    if outsiders:
        raise NetworkError(
            _("%(teacher)s does not work in a school of this partnership.")
            % {"teacher": outsiders[0].full_name}
        )


# --- problems (stage 1) and their outcomes (stage 3) ---------------------------


@transaction.atomic
def problem_create(*, roadmap, by, school, title, description="", risk_factor=None) -> Problem:
    """Record a problem that the partner must help with, while stage 1 is open."""
    stage_require_editable(_stage(roadmap, Stage.Kind.ACQUAINTANCE))
    _require_member(roadmap.partnership, school)
    problem = Problem(
        roadmap=roadmap,
        school=school,
        title=title.strip(),
        description=description,
        risk_factor=risk_factor,
    )
    if not problem.title:
        raise NetworkError(_("Name the problem."))
    problem._history_user = by
    problem.save()
    return problem


@transaction.atomic
def problem_update(*, problem, by, data: dict) -> Problem:
    stage_require_editable(_stage(problem.roadmap, Stage.Kind.ACQUAINTANCE))
    model_update(instance=problem, data=data, allowed=PROBLEM_FIELDS)
    _require_member(problem.roadmap.partnership, problem.school)
    problem._history_user = by
    problem.save()
    return problem


@transaction.atomic
def problem_record_outcome(*, problem, by, outcome) -> Problem:
    """Say what changed for a problem, while stage 3 is open."""
    stage_require_editable(_stage(problem.roadmap, Stage.Kind.REFLECTION))
    problem.outcome = (outcome or "").strip()
    problem._history_user = by
    problem.save(update_fields=["outcome"])
    return problem


@transaction.atomic
def roadmap_conclude(*, roadmap, by, conclusion):
    """Write the overall conclusion of the roadmap, while stage 3 is open."""
    stage_require_editable(_stage(roadmap, Stage.Kind.REFLECTION))
    roadmap.conclusion = (conclusion or "").strip()
    roadmap._history_user = by
    roadmap.save(update_fields=["conclusion"])
    return roadmap


# --- activities -------------------------------------------------------------------


def _check_activity(activity, partnership):
    _require_member(partnership, activity.responsible_school)
    if activity.problem is not None and activity.problem.roadmap_id != partnership.pk:
        raise NetworkError(_("The problem belongs to another roadmap."))
    if not activity.title.strip():
        raise NetworkError(_("Name the activity."))


@transaction.atomic
def activity_create(
    *,
    stage,
    by,
    title,
    form,
    due_on,
    responsible_school,
    responsible_person="",
    problem=None,
    participants=(),
) -> Activity:
    """Plan an activity in an open stage."""
    stage_require_editable(stage)
    partnership = stage.roadmap.partnership
    activity = Activity(
        stage=stage,
        title=title.strip(),
        form=form,
        due_on=due_on,
        responsible_school=responsible_school,
        responsible_person=responsible_person,
        problem=problem,
    )
    _check_activity(activity, partnership)
    _check_participants(partnership, participants)
    activity._history_user = by
    activity.save()
    activity.participants.set(participants)
    activity_assigned(activity, by=by)
    return activity


@transaction.atomic
def activity_update(*, activity, by, data: dict, participants=None) -> Activity:
    """Change a planned activity; completing it goes through activity_complete."""
    stage_require_editable(activity.stage)
    changed = model_update(instance=activity, data=data, allowed=ACTIVITY_FIELDS)
    if "state" in changed and activity.state == Activity.State.DONE:
        raise NetworkError(_("To mark an activity done, complete it with its result."))
    if activity.state != Activity.State.DONE:
        activity.completed_on = None
    partnership = activity.stage.roadmap.partnership
    _check_activity(activity, partnership)
    if participants is not None:
        _check_participants(partnership, participants)
    activity._history_user = by
    activity.save()
    if participants is not None:
        activity.participants.set(participants)
    if "responsible_school" in changed:
        activity_assigned(activity, by=by)
    return activity


@transaction.atomic
def activity_complete(
    *, activity, by, result, evidence_file=None, evidence_link="", completed_on=None
) -> Activity:
    """Mark an activity done with its result and, optionally, evidence."""
    stage_require_editable(activity.stage)
    if activity.state == Activity.State.CANCELLED:
        raise NetworkError(_("A cancelled activity cannot be completed."))
    result = (result or "").strip()
    if not result:
        raise NetworkError(_("Describe the result of the activity."))
    today = timezone.localdate()
    completed_on = completed_on or today
    if completed_on > today:
        raise NetworkError(_("An activity cannot be completed in the future."))
    if evidence_file:
        check_upload(evidence_file)
        activity.evidence_file.save(evidence_file.name, evidence_file, save=False)
        activity.evidence_name = Path(evidence_file.name).name[:200]
    activity.evidence_link = evidence_link or activity.evidence_link
    activity.result = result
    activity.completed_on = completed_on
    activity.state = Activity.State.DONE
    activity._history_user = by
    activity.save()
    return activity
