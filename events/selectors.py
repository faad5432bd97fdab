"""Reads used by several views, the home page and the feeds."""

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.history import history_entries
from events.models import Certificate, ContestApplication, Event, Registration
from schools.models import Teacher


def calendar_events(user):
    """Events a user may see in the calendar, with their confirmed counts."""
    return (
        Event.objects.visible_to(user)
        .with_counts()
        .select_related("host_school")
        .order_by("starts_at", "pk")
    )


def registration_of(user, event) -> Registration | None:
    """The user's own active registration for the event, if any."""
    profile = getattr(user, "teacher_profile", None) if user.is_authenticated else None
    if profile is None:
        return None
    return Registration.objects.active().filter(event=event, teacher=profile).first()


def school_registrations(school_id, event):
    """The active registrations of a school's teachers for the event."""
    return (
        Registration.objects.active()
        .filter(event=event, teacher__school_id=school_id)
        .select_related("teacher")
    )


def teachers_to_register(school_id, *, exclude=()):
    """A school's teachers, but for those already registered (``exclude``)."""
    return Teacher.objects.filter(school_id=school_id).exclude(pk__in=list(exclude))


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = (
        Registration.objects.waiting_order()
        .filter(event_id=registration.event_id)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


def with_waiting_positions(registrations):
    """Annotate ``ahead``: how many wait before each registration, in one query."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Registration.Status.WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return registrations.annotate(
        ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0))
    )


def my_registrations(user):
    """A teacher's registrations, newest event first, ready for a list page."""
    profile = getattr(user, "teacher_profile", None) if user.is_authenticated else None
    if profile is None:
        return Registration.objects.none()
    return with_waiting_positions(
        Registration.objects.filter(teacher=profile)
        .select_related("event__host_school", "certificate", "feedback")
        .order_by("-event__starts_at", "-pk")
    )


def my_applications(user):
    """A teacher's contest applications, with their contests."""
    return ContestApplication.objects.filter(teacher__user=user).select_related("event")


def upcoming_for(user, limit=5):
    """A teacher's next events, for the home page."""
    return list(
        my_registrations(user)
        .active()
        .filter(event__ends_at__gte=timezone.now())
        .exclude(event__status=Event.Status.CANCELLED)
        .order_by("event__starts_at")[:limit]
    )


def feed_events(user):
    """Events for a user's personal iCalendar feed: where their seat is confirmed."""
    profile = getattr(user, "teacher_profile", None)
    if profile is None:
        return Event.objects.none()
    return (
        Event.objects.filter(
            registrations__teacher=profile,
            registrations__status=Registration.Status.CONFIRMED,
        )
        .exclude(status=Event.Status.DRAFT)
        .select_related("host_school")
        .distinct()
    )


def feedback_summary(event):
    rows = Registration.objects.filter(event=event, feedback__isnull=False)
    summary = rows.aggregate(average=Avg("feedback__rating"), count=Count("feedback"))
    summary["comments"] = (
        rows.exclude(feedback__comment="")
        .select_related("feedback", "teacher__school")
        .order_by("-feedback__created_at")
    )
    return summary


def school_feed_events(school):
    """A school's calendar: what it hosts and where its teachers hold a confirmed seat."""
    attended = Registration.objects.filter(
        teacher__school=school, status=Registration.Status.CONFIRMED
    ).values("event_id")
    return (
        Event.objects.filter(Q(host_school=school) | Q(pk__in=attended))
        .exclude(status=Event.Status.DRAFT)
        .select_related("host_school")
        .order_by("starts_at", "pk")
    )


def association_feed_events(association):
    """A methodical association's calendar: the events that belong to it."""
    return (
        Event.objects.filter(association=association)
        .exclude(status=Event.Status.DRAFT)
        .select_related("host_school")
        .order_by("starts_at", "pk")
    )


def event_history(event):
    """The audit trail of an event, its registrations and their certificates, newest first."""
    return history_entries(
        event.history.all(),
        Registration.history.filter(event_id=event.pk),
        Certificate.history.filter(
            registration_id__in=Registration.objects.filter(event=event).values("pk")
        ),
    )
