from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from notifications.forms import PreferencesForm
from notifications.services import (
    NotificationError,
    notification_read,
    notifications_read_all,
    preferences_of,
    preferences_set,
    unread_count,
    unsubscribe,
)

PAGE_SIZE = 25


@login_required
@require_GET
def notification_list(request):
    notes = request.user.notifications.all()
    if request.GET.get("unread"):
        notes = notes.filter(read_at__isnull=True)
    page = Paginator(notes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": unread_count(request.user)},
    )


@never_cache
@login_required
@require_GET
def unread(request):
    """The bell's number, fetched by static/js/portal.js."""
    return JsonResponse({"unread": unread_count(request.user)})


@login_required
@require_POST
def notification_open(request, pk):
    """Mark it read and go to its object."""
    try:
        note = notification_read(user=request.user, notification_id=pk)
    except NotificationError:
        raise Http404 from None
    safe = url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()})
    if request.POST.get("stay") or not note.url or not safe:
        return redirect("notifications:list")
    return redirect(note.url)


@login_required
@require_POST
def read_all(request):
    count = notifications_read_all(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked as read.",
            "%(count)d notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = preferences_of(request.user)
    form = PreferencesForm(request.POST or None, initial_channels=current)
    if request.method == "POST" and form.is_valid():
        preferences_set(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


# One-click unsubscribe (RFC 8058): mail clients POST to the link without a session or a
# CSRF token; the signed token is the permission. GET shows a page with the button.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    if request.method == "GET":
        return render(request, "notifications/unsubscribe.html", {"token": token})
    try:
        _user, kinds = unsubscribe(token)
    except NotificationError as error:
        return render(request, "notifications/unsubscribe.html", {"error": str(error)}, status=400)
    return render(request, "notifications/unsubscribe.html", {"done": True, "kinds": kinds})
