from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import audited
from events.models import Certificate, Event, Feedback, Registration
from events.services.errors import EventsError
from events.signals import attendance_changed


@audited
def attendance_mark(*, registration: Registration, attended: bool, by=None) -> Registration:
    """Record whether a confirmed participant attended; issue or withdraw the certificate.

    After the commit, ``events.signals.attendance_changed`` tells other apps.
    """
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        )
        event = registration.event
        if registration.status != Registration.Status.CONFIRMED:
            raise EventsError(_("Attendance is marked only for confirmed participants."))
        if event.status not in (Event.Status.PUBLISHED, Event.Status.HELD):
            raise EventsError(_("Attendance cannot be marked for this event."))
        if event.starts_at > timezone.now():
            raise EventsError(_("Attendance can be marked once the event has started."))
        if registration.attended == attended:
            return registration
        registration.attended = attended
        registration.save(update_fields=["attended"])
        if attended:
            Certificate.objects.get_or_create(registration=registration)
        else:
            Certificate.objects.filter(registration=registration).delete()
        transaction.on_commit(
            partial(
                attendance_changed.send,
                sender=Registration,
                registration=registration,
                attended=attended,
                by=by,
            )
        )
    return registration


@audited
@transaction.atomic
def attendance_mark_many(*, event: Event, marks: dict[int, bool], by=None) -> int:
    """Mark attendance for many registrations of one event; return how many changed."""
    registrations = Registration.objects.filter(event=event, pk__in=marks)
    changed = 0
    for registration in registrations:
        if registration.attended != marks[registration.pk]:
            attendance_mark(registration=registration, attended=marks[registration.pk], by=by)
            changed += 1
    return changed


def feedback_leave(*, registration: Registration, rating: int, comment: str = "") -> Feedback:
    """Save an attendee's rating (1–5) and comment; a second one replaces the first."""
    if registration.attended is not True:
        raise EventsError(_("Only participants who attended can leave feedback."))
    if registration.event.starts_at > timezone.now():
        raise EventsError(_("Feedback opens when the event has started."))
    if not 1 <= int(rating) <= 5:
        raise EventsError(_("The rating is from 1 to 5."))
    feedback, _created = Feedback.objects.update_or_create(
        registration=registration, defaults={"rating": rating, "comment": comment}
    )
    return feedback
