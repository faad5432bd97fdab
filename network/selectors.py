"""Reads of the network that more than one view, the admin or the monitoring use."""

from django.db.models import (
    Count,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import Activity, Partnership, Problem, Roadmap, Stage, StageComment


def partnership_of(obj) -> Partnership | None:
    """The partnership that a roadmap, stage, problem, activity or comment belongs to."""
    if obj is None:
        return None
    if isinstance(obj, Partnership):
        return obj
    if isinstance(obj, Roadmap):
        return obj.partnership
    if isinstance(obj, Stage | Problem):
        return obj.roadmap.partnership
    if isinstance(obj, Activity):
        return obj.stage.roadmap.partnership
    if isinstance(obj, StageComment):
        return obj.stage.roadmap.partnership
    return None


def _count(queryset):
    """The number of rows of a correlated queryset, as a subquery (0 when none)."""
    counted = queryset.order_by().values("stage__roadmap").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def partnership_overview(user, today=None):
    """Partnerships the user may see, with current stage, progress and overdue count."""
    today = today or timezone.localdate()
    current = Stage.objects.filter(roadmap_id=OuterRef("pk"), state__in=Stage.CURRENT)
    activities = Activity.objects.filter(stage__roadmap_id=OuterRef("pk"))
    last_change = (
        activities.order_by().values("stage__roadmap").annotate(at=Max("updated_at")).values("at")
    )
    return (
        Partnership.objects.visible_to(user)
        .select_related("leader")
        .prefetch_related("schools")
        .annotate(
            current_number=Subquery(current.values("number")[:1]),
            current_kind=Subquery(current.values("kind")[:1]),
            current_state=Subquery(current.values("state")[:1]),
            activities_planned=_count(activities.exclude(state=Activity.State.CANCELLED)),
            activities_done=_count(activities.filter(state=Activity.State.DONE)),
            activities_overdue=_count(
                activities.filter(state__in=Activity.OPEN_STATES, due_on__lt=today)
            ),
            last_activity_at=Subquery(last_change[:1]),
        )
        .order_by("title")
    )


def roadmap_for_page(partnership) -> Roadmap:
    """The roadmap with everything its page shows, in a fixed number of queries; the
    partnership's roadmap is read with it when it was selected with it."""
    # "events" is the events app's link to the activity an event realised.
    activities = Activity.objects.select_related("responsible_school", "problem").prefetch_related(
        "participants", "events"
    )
    roadmap = partnership.roadmap
    prefetch_related_objects(
        [roadmap],
        Prefetch(
            "stages",
            queryset=Stage.objects.prefetch_related(
                Prefetch("activities", queryset=activities),
                Prefetch("comments", queryset=StageComment.objects.select_related("author")),
            ),
        ),
        Prefetch(
            "problems",
            queryset=Problem.objects.select_related("school", "risk_factor").annotate(
                activity_count=Count("activities")
            ),
        ),
    )
    prefetch_related_objects([partnership], "schools", "partners")
    roadmap.partnership = partnership
    return roadmap


def stage_progress(stage) -> tuple[int, int]:
    """Done and planned (not cancelled) activities of a stage with prefetched activities."""
    planned = [a for a in stage.activities.all() if a.state != Activity.State.CANCELLED]
    done = [a for a in planned if a.state == Activity.State.DONE]
    return len(done), len(planned)


def stage_blockers(stage, problems, conclusion) -> list[str]:
    """What still stands between an open stage and its submission, naming who must act.

    Reads only what ``roadmap_for_page`` prefetched: ``stage.activities`` and the
    roadmap's problems.
    """
    if not stage.is_editable:
        return []
    if stage.kind == Stage.Kind.ACQUAINTANCE:
        if not problems:
            return [_("Record at least one problem that the partner must help with.")]
        return []
    if stage.kind == Stage.Kind.JOINT_ACTIVITY:
        activities = list(stage.activities.all())
        blockers = [
            _("%(school)s: complete or cancel «%(activity)s» (due %(due)s)")
            % {
                "school": activity.responsible_school,
                "activity": activity.title,
                "due": activity.due_on.strftime("%d.%m.%Y"),
            }
            for activity in activities
            if activity.state in Activity.OPEN_STATES
        ]
        if not any(activity.state == Activity.State.DONE for activity in activities):
            blockers.insert(0, _("Complete at least one activity."))
        return blockers
    blockers = [
        _("%(school)s: describe what changed for «%(problem)s»")
        % {"school": problem.school or _("the partnership"), "problem": problem.title}
        for problem in problems
        if not problem.outcome
    ]
    if not conclusion.strip():
        blockers.append(_("Write the overall conclusion."))
    return blockers
