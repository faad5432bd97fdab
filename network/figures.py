"""Figures of network activity that the monitoring reads (seed 001's network criteria)."""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from network.models import Activity, Mentorship, MethodicalAssociation, Partnership
from schools.models import Teacher


@dataclass(frozen=True)
class Share:
    part: int
    total: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.total, 1) if self.total else None


@dataclass(frozen=True)
class Participants:
    teachers: int
    schools: int


def _activities(*, partnership=None, school=None):
    activities = Activity.objects.exclude(state=Activity.State.CANCELLED)
    if partnership is not None:
        activities = activities.filter(stage__roadmap_id=partnership.pk)
    if school is not None:
        partnerships = Partnership.objects.with_member(school).values("pk")
        activities = activities.filter(stage__roadmap_id__in=partnerships)
    return activities


def activities_done_on_time(*, partnership=None, school=None, today=None) -> Share:
    """Of the activities due by today (not cancelled), how many were done by their due date.

    Per partnership, per member school (all its partnerships), or municipal (neither).
    """
    today = today or timezone.localdate()
    counts = (
        _activities(partnership=partnership, school=school)
        .filter(due_on__lte=today)
        .aggregate(
            total=Count("pk"),
            part=Count("pk", filter=Q(state=Activity.State.DONE, completed_on__lte=F("due_on"))),
        )
    )
    return Share(part=counts["part"], total=counts["total"])


def forms_of_interaction_used(*, partnership=None, school=None) -> int:
    """How many distinct forms of interaction the done activities used."""
    done = _activities(partnership=partnership, school=school).filter(state=Activity.State.DONE)
    return done.values("form").distinct().count()


def active_participants(*, school=None) -> Participants:
    """Distinct teachers and schools involved in activities, associations and mentorships."""
    live_mentorships = Mentorship.objects.exclude(state=Mentorship.State.CANCELLED)
    live_activities = Activity.objects.exclude(state=Activity.State.CANCELLED)
    teacher_ids = (
        set(live_activities.values_list("participants", flat=True))
        | set(MethodicalAssociation.objects.values_list("leader", flat=True))
        | set(MethodicalAssociation.objects.values_list("members", flat=True))
        | set(live_mentorships.values_list("mentor", flat=True))
        | set(live_mentorships.values_list("mentee", flat=True))
    )
    teacher_ids.discard(None)
    teachers = Teacher.objects.filter(pk__in=teacher_ids)
    school_ids = set(teachers.values_list("school_id", flat=True)) | set(
        live_activities.values_list("responsible_school_id", flat=True)
    )
    if school is not None:
        teachers = teachers.filter(school=school)
        school_ids &= {school.pk}
    return Participants(teachers=teachers.count(), schools=len(school_ids))
