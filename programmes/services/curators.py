"""The centre assigns a methodologist as a supported school's curator."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import Role
from notifications.models import Kind
from notifications.services import notify
from programmes.errors import ProgrammeError
from programmes.models import Curatorship


@transaction.atomic
def curator_assign(*, school, curator, by) -> Curatorship:
    """Make ``curator`` (an active methodologist) the school's curator, or change the one it has.

    The change is kept in the curatorship's history; the new curator is told. Reviews that
    already wait go to the new curator, as everything that comes after.
    """
    if curator is None or not curator.is_active or curator.role != Role.METHODOLOGIST:
        raise ProgrammeError(_("The curator must be an active methodologist."))
    curatorship = (
        Curatorship.objects.select_for_update().select_related("curator").filter(school=school)
    ).first()
    if curatorship is not None and curatorship.curator_id == curator.pk:
        return curatorship
    if curatorship is None:
        curatorship = Curatorship(school=school, curator=curator)
    else:
        curatorship.curator = curator
    curatorship._history_user = by
    curatorship.save()
    if by is None or by.pk != curator.pk:
        notify(
            [curator],
            kind=Kind.CURATOR_ASSIGNED,
            title=_("You are the curator of %(school)s") % {"school": school.short_name},
            text=_("Its risk profile, programme and monitoring stages now wait for your review."),
            url=reverse("programmes:curator"),
        )
    return curatorship
