from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import audited
from events.models import ContestApplication, Event
from events.services.errors import EventsError
from notifications.models import Kind
from notifications.recipients import user_of_teacher
from notifications.services import notify
from schools.models import Teacher


def application_submit(
    *, event: Event, teacher: Teacher | None, text: str, file
) -> ContestApplication:
    """Submit a teacher's application to a contest."""
    if teacher is None or teacher.pk is None:
        raise EventsError(_("Only teachers from the registry of schools can apply."))
    if not event.is_contest:
        raise EventsError(_("Applications are accepted only for contests."))
    if event.status != Event.Status.PUBLISHED:
        raise EventsError(_("The contest does not accept applications."))
    if event.registration_closes_at and timezone.now() > event.registration_closes_at:
        raise EventsError(_("Applications are closed."))
    try:
        with transaction.atomic():
            return ContestApplication.objects.create(
                event=event, teacher=teacher, text=text, file=file
            )
    except IntegrityError as error:
        raise EventsError(_("You have already applied to this contest.")) from error


@audited
@transaction.atomic
def application_review(*, application: ContestApplication, accept: bool, by) -> ContestApplication:
    """Accept or reject a contest application."""
    application = ContestApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ContestApplication.Status.SUBMITTED:
        raise EventsError(_("The application has already been reviewed."))
    application.status = (
        ContestApplication.Status.ACCEPTED if accept else ContestApplication.Status.REJECTED
    )
    application.reviewed_by = by
    application.reviewed_at = timezone.now()
    application.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    title = (
        _("Your application to «%(event)s» is accepted")
        if accept
        else _("Your application to «%(event)s» is not accepted")
    )
    notify(
        user_of_teacher(application.teacher),
        kind=Kind.APPLICATION_REVIEWED,
        title=title % {"event": application.event.title},
        url=reverse("events:detail", args=[application.event_id]),
    )
    return application
