"""The one way every object view fetches its object for a user (healthchecks'
``_get_check_for_user``): the object, or 404 to whom may not know that it exists, or
403 to whom may see it but not do this. The ``rules`` permissions decide both.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404


def require_perm(user, perm, obj, *, known_by):
    """Allow; or 403 if the user has ``known_by`` on the object; or 404."""
    if user.has_perm(perm, obj):
        return
    if user.has_perm(known_by, obj):
        raise PermissionDenied
    raise Http404


def get_object_for_user(user, queryset, *, perm, known_by, **lookup):
    """The object of ``queryset`` that ``lookup`` names, if the user has ``perm`` on it."""
    obj = get_object_or_404(queryset, **lookup)
    require_perm(user, perm, obj, known_by=known_by)
    return obj
