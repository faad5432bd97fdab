"""The one answer every view gives when a permission is missing."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from schools.selectors import school_id_of


def authorize(user, perm, obj, schools):
    """Allow, or answer 403 to whom may know the object, 404 to everyone else.

    Who may know it: the centre, and the staff of ``schools`` — a school, or the ids of
    the schools the object belongs to. Anyone else must not learn that it exists.
    """
    if user.has_perm(perm, obj):
        return
    school_ids = {schools.pk} if hasattr(schools, "pk") else set(schools)
    if user.is_municipal or school_id_of(user) in school_ids:
        raise PermissionDenied
    raise Http404
