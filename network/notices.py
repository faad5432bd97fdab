"""What the network tells schools about their activities: assigned, due soon, overdue."""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import Activity
from notifications.models import Kind
from notifications.recipients import directors_of
from notifications.services import notify

DUE_SOON_DAYS = 3


def _day(value) -> str:
    """A date as «01.04.2026»; a service may still hold the ISO string it was given."""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d.%m.%Y")


def _url(activity):
    return f"{activity.stage.roadmap.partnership.get_absolute_url()}#stage-{activity.stage.number}"


def activity_assigned(activity, *, by) -> None:
    """The responsible school's directors hear of an activity that is theirs to do."""
    directors = [d for d in directors_of([activity.responsible_school_id]) if d != by]
    notify(
        directors,
        kind=Kind.ACTIVITY_ASSIGNED,
        title=_("«%(activity)s» is for your school to carry out by %(due)s")
        % {"activity": activity.title, "due": _day(activity.due_on)},
        text=str(activity.stage.roadmap.partnership),
        url=_url(activity),
    )


def activities_remind(today=None) -> int:
    """Daily (beat): each open activity due in three days, or overdue since yesterday,
    once to its school's directors. How many activities were reminded of."""
    today = today or timezone.localdate()
    open_activities = Activity.objects.filter(state__in=Activity.OPEN_STATES).select_related(
        "stage__roadmap__partnership"
    )
    reminded = 0
    soon = open_activities.filter(due_on=today + timedelta(days=DUE_SOON_DAYS))
    for activity in soon:
        reminded += bool(
            notify(
                directors_of([activity.responsible_school_id]),
                kind=Kind.ACTIVITY_DUE,
                title=_("«%(activity)s» is due on %(due)s")
                % {"activity": activity.title, "due": _day(activity.due_on)},
                text=str(activity.stage.roadmap.partnership),
                url=_url(activity),
                key=f"activity-due:{activity.pk}:{activity.due_on}",
            )
        )
    for activity in open_activities.filter(due_on__lt=today):
        reminded += bool(
            notify(
                directors_of([activity.responsible_school_id]),
                kind=Kind.ACTIVITY_OVERDUE,
                title=_("«%(activity)s» is overdue: it was due on %(due)s")
                % {"activity": activity.title, "due": _day(activity.due_on)},
                text=str(activity.stage.roadmap.partnership),
                url=_url(activity),
                key=f"activity-overdue:{activity.pk}:{activity.due_on}",
            )
        )
    return reminded
