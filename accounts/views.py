"""The lockout page of a throttled login and the rate-limited password reset."""

import ipaddress

from axes.helpers import get_client_ip_address, get_cool_off
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKOUT_STATUS = 429


def client_address(request):
    """The client's address (AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR, or behind
    TRUSTED_PROXY_COUNT trusted proxies the one the outermost proxy added to X-Forwarded-For.

    Entries left of it are whatever the client sent, so they are never believed.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def lockout(request, original_response=None, credentials=None):
    """Answer a locked-out login with the portal's page (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    return render(
        request,
        "registration/lockout.html",
        {"cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=LOCKOUT_STATUS,
    )


def _over_limit(key):
    """Count one request under key; whether the window's limit is now passed."""
    timeout = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    cache.add(key, 0, timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        count = 1
    return count > settings.PASSWORD_RESET_LIMIT


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, sending at most PASSWORD_RESET_LIMIT letters per address and e-mail."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        address = get_client_ip_address(self.request) or "unknown"
        # Both counters move on every request, so neither can be drained by the other.
        by_address = _over_limit(f"password-reset:ip:{address}")
        by_email = _over_limit(f"password-reset:email:{email}")
        if by_address or by_email:
            form.add_error(
                None,
                _("Too many password reset requests. Please try again in %(minutes)s minutes.")
                % {"minutes": settings.PASSWORD_RESET_WINDOW_MINUTES},
            )
            return self.render_to_response(self.get_context_data(form=form), status=LOCKOUT_STATUS)
        return super().form_valid(form)
