"""Proposing to the bank from where practice happens: an activity, a seminar."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import require_perm
from events.models import Event
from network.views.common import get_activity
from practices.services import links
from practices.views.common import run
from schools.selectors import school_id_of


def _may_propose_for(user, school_id) -> bool:
    """The centre, or the staff of the school in whose name it would be shared."""
    if user.is_methodologist:
        return True
    return school_id is not None and school_id_of(user) == school_id


@login_required
@require_POST
def practice_from_activity(request, pk):
    activity = get_activity(request.user, pk, perm="network.view_activity")
    if not _may_propose_for(request.user, activity.responsible_school_id):
        raise PermissionDenied
    made = {}
    back = f"{activity.stage.roadmap.partnership.get_absolute_url()}#activity-{activity.pk}"
    response = run(
        request,
        lambda: made.update(
            practice=links.practice_from_activity(activity=activity, by=request.user)
        ),
        _("A draft practice is made from the activity: check it and submit it for review."),
        back,
    )
    return redirect(made["practice"]) if made else response


@login_required
@require_POST
def practice_from_event(request, pk):
    event = get_object_or_404(Event.objects.select_related("host_school"), pk=pk)
    require_perm(request.user, "events.view_event", event, known_by="events.view_event")
    if not _may_propose_for(request.user, event.host_school_id):
        raise PermissionDenied
    made = {}
    response = run(
        request,
        lambda: made.update(practice=links.practice_from_event(event=event, by=request.user)),
        _("A draft practice is made from the event's materials: check and submit it."),
        reverse("events:detail", args=[event.pk]),
    )
    return redirect(made["practice"]) if made else response
