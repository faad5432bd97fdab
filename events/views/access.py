"""Answer 403 to whom may know an object and 404 to everyone else."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from schools.access import authorize


def authorize_event(user, perm, event):
    if user.has_perm(perm, event):
        return
    if user.has_perm("events.view_event", event):
        raise PermissionDenied
    raise Http404


def authorize_registration(user, perm, registration):
    authorize(user, perm, registration, {registration.teacher.school_id})
