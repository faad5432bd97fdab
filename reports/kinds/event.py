"""The event report: participants, attendance and feedback."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, Registration
from events.selectors import feedback_summary
from reports.kinds.base import ReportDataError, ReportKind, int_param, register
from reports.models import Report
from reports.rules import may_order_about
from schools.models import School


def _event(params):
    return Event.objects.filter(pk=params["event"]).select_related("host_school").first()


def clean(params, user):
    pk = int_param(params, "event", _("an event"))
    event = Event.objects.filter(pk=pk).first()
    if event is None or not may_order_about(user, Report.Kind.EVENT, event):
        raise ReportDataError(_("The event is not found."))
    return {"event": pk}


def title(params):
    event = _event(params)
    name = event.title if event else "—"
    return _("Event report: %(title)s") % {"title": name}


def subject(params):
    return _("Participants, attendance and feedback of an event")


def context(params):
    event = _event(params)
    if event is None:
        raise ReportDataError(_("The event no longer exists."))
    registrations = (
        Registration.objects.filter(event=event)
        .active()
        .select_related("teacher__school")
        .order_by("teacher__school__sort_name", "teacher__last_name", "teacher__first_name")
    )
    supported = [School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE]
    figures = registrations.order_by().aggregate(
        confirmed_count=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted_count=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        attended_count=Count("pk", filter=Q(attended=True)),
        supported_count=Count(
            "pk", filter=Q(attended=True, teacher__school__category__in=supported)
        ),
        school_count=Count("teacher__school", filter=Q(attended=True), distinct=True),
    )
    feedback = feedback_summary(event)
    return {
        "title": title(params),
        "event": event,
        "registrations": registrations,
        "figures": figures,
        "supported_share": round(100 * figures["supported_count"] / figures["attended_count"], 1)
        if figures["attended_count"]
        else None,
        "feedback": feedback,
        "generated_at": timezone.localtime(),
    }


EVENT = register(
    ReportKind(
        key="event",
        subject=subject,
        template="reports/pdf/event.html",
        clean=clean,
        title=title,
        context=context,
    )
)
