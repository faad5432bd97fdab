"""Admin helpers that every app's admin classes share."""

from django.contrib import messages
from django.utils.translation import gettext as _

from core.errors import DomainError


class ServiceActionsMixin:
    """Admin actions that run a service on each selected object, one by one.

    An object the service refuses is reported with its reason; the others go on.
    """

    def apply_service(self, request, queryset, service, *, argument):
        done = 0
        for obj in queryset:
            try:
                service(**{argument: obj}, by=request.user)
                done += 1
            except DomainError as error:
                self.message_user(request, f"{obj}: {error}", messages.WARNING)
        self.message_user(request, _("Done: %(n)s.") % {"n": done}, messages.SUCCESS)
        return done
