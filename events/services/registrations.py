from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import audited
from events.models import Event, Registration
from events.notifications import Notice
from events.services.errors import EventsError
from events.services.notify import notify_registration
from events.services.seats import event_lock, has_seat_for, occupancy
from schools.models import Teacher


@audited
def registration_create(*, event: Event, teacher: Teacher | None, by=None) -> Registration:
    """Register a teacher: confirmed while a seat is free for them, else wait-listed."""
    if teacher is None or teacher.pk is None:
        raise EventsError(_("Only teachers from the registry of schools can register."))
    with transaction.atomic():
        event = event_lock(event)
        teacher = Teacher.objects.select_related("school").get(pk=teacher.pk)
        if event.status != Event.Status.PUBLISHED:
            raise EventsError(_("Registration is possible only for a published event."))
        now = timezone.now()
        if event.starts_at <= now:
            raise EventsError(_("The event has already started."))
        if event.registration_opens_at and now < event.registration_opens_at:
            raise EventsError(_("Registration has not opened yet."))
        if event.registration_closes_at and now > event.registration_closes_at:
            raise EventsError(_("Registration is closed."))
        if Registration.objects.active().filter(event=event, teacher=teacher).exists():
            raise EventsError(
                _("%(name)s is already registered for this event.") % {"name": teacher.full_name}
            )
        supported = teacher.school.is_supported
        fits = has_seat_for(event, occupancy(event), supported=supported)
        status = Registration.Status.CONFIRMED if fits else Registration.Status.WAITLISTED
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event, teacher=teacher, status=status, registered_by=by
                )
        except IntegrityError as error:  # the partial unique constraint, as a backstop
            raise EventsError(_("This teacher is already registered for this event.")) from error
        notify_registration(registration.pk, Notice.CONFIRMED if fits else Notice.WAITLISTED)
    return registration


@audited
def registration_cancel(*, registration: Registration, by=None) -> Registration:
    """Cancel a registration and give its seat to the first wait-listed teachers."""
    with transaction.atomic():
        event = event_lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            raise EventsError(_("The registration is already cancelled."))
        if event.starts_at <= timezone.now():
            raise EventsError(_("A registration cannot be cancelled after the event has started."))
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        waitlist_promote(event)
    return registration


def event_fill_waitlist(*, event: Event) -> list[Registration]:
    """Promote wait-listed teachers into any seat that is free for them now."""
    with transaction.atomic():
        return waitlist_promote(event_lock(event))


def waitlist_promote(event: Event) -> list[Registration]:
    """Promote in waiting order; the caller holds the lock on the event."""
    if event.status != Event.Status.PUBLISHED or event.starts_at <= timezone.now():
        return []
    taken = occupancy(event)
    promoted = []
    waiting = event.registrations.waiting_order().select_related("teacher__school")
    for registration in waiting:
        if event.capacity is not None and taken.confirmed >= event.capacity:
            break
        supported = registration.teacher.school.is_supported
        if not has_seat_for(event, taken, supported=supported):
            continue
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
        taken.take(supported=supported)
        promoted.append(registration)
        notify_registration(registration.pk, Notice.PROMOTED)
    return promoted
