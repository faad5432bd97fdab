"""Answer 403 to whom may know an object and 404 to everyone else."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from schools.selectors import school_id_of


def authorize_event(user, perm, event):
    if user.has_perm(perm, event):
        return
    if user.has_perm("events.view_event", event):
        raise PermissionDenied
    raise Http404


def authorize_registration(user, perm, registration):
    if user.has_perm(perm, registration):
        return
    if user.is_municipal or school_id_of(user) == registration.teacher.school_id:
        raise PermissionDenied
    raise Http404
