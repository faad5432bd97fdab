"""What teachers (and directors for their teachers) do: register, cancel, certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import get_object_for_user, require_perm
from core.forms import id_or_none
from core.kept_html import kept_html
from events.certificates import certificate_pdf
from events.forms import ApplicationForm, FeedbackForm
from events.kept import MY_AREA
from events.models import Event, Registration
from events.notifications import recipient_of
from events.selectors import my_applications, my_registrations, waitlist_position
from events.services import (
    EventsError,
    application_submit,
    calendar_feed_for,
    calendar_feed_reset,
    feedback_leave,
    registration_cancel,
    registration_create,
)
from network.models import MethodicalAssociation
from schools.models import Teacher


def _registration(request, pk, perm):
    return get_object_for_user(
        request.user,
        Registration.objects.select_related("event", "teacher__school", "teacher__user"),
        perm=perm,
        known_by="events.know_registration",
        pk=pk,
    )


@login_required
@require_POST
def register(request, pk):
    user = request.user
    # A draft exists for nobody but the centre, whoever is being registered.
    event = get_object_for_user(
        user, Event.objects.all(), perm="events.view_event", known_by="events.view_event", pk=pk
    )
    if request.POST.get("teacher"):
        teacher = get_object_or_404(Teacher, pk=id_or_none(request.POST["teacher"]))
        # A teacher of another school is not to be learnt of here: 404, not 403.
        require_perm(user, "events.register_teacher", teacher, known_by="schools.know_teacher")
    else:
        require_perm(user, "events.register_self", event, known_by="events.view_event")
        teacher = getattr(user, "teacher_profile", None)
        if teacher is None:  # a superuser outside the registry
            raise PermissionDenied
    try:
        registration = registration_create(event=event, teacher=teacher, by=user)
    except EventsError as error:
        messages.error(request, str(error))
    else:
        if registration.status == Registration.Status.CONFIRMED and recipient_of(registration):
            messages.success(
                request,
                _("%(name)s is registered. A confirmation is sent by e-mail.")
                % {"name": teacher.full_name},
            )
        elif registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _(
                    "%(name)s is registered. No confirmation could be sent: "
                    "there is no e-mail address for them."
                )
                % {"name": teacher.full_name},
            )
        else:
            messages.warning(
                request,
                _("No seats left: %(name)s is on the waiting list, number %(n)s.")
                % {"name": teacher.full_name, "n": waitlist_position(registration)},
            )
    return redirect("events:detail", pk=event.pk)


@login_required
@require_POST
def registration_cancel_view(request, pk):
    registration = _registration(request, pk, "events.cancel_registration")
    try:
        registration_cancel(registration=registration, by=request.user)
    except EventsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The registration is cancelled."))
    target = _safe_next(request)
    return HttpResponseRedirect(target) if target else redirect("events:my")


def _safe_next(request):
    """A path of this portal to go back to; anything else (a name, a host) is ignored."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return ""


def _webcal(url):
    return "webcal://" + url.split("://", 1)[1]


def _shared_feeds(request, token):
    """The feeds of the user's school and of the associations it is in: (name, address)."""
    profile = request.user.teacher_profile
    feeds = [(str(profile.school), reverse("events:school_feed", args=[token, profile.school_id]))]
    associations = (
        MethodicalAssociation.objects.filter(
            Q(leader__school_id=profile.school_id) | Q(members__school_id=profile.school_id)
        )
        .distinct()
        .order_by("name")
    )
    feeds += [
        (association.name, reverse("events:association_feed", args=[token, association.pk]))
        for association in associations
    ]
    return [(name, _webcal(request.build_absolute_uri(path))) for name, path in feeds]


MY_PAGE_SIZE = 25


@login_required
def my_events(request):
    """A teacher's registrations, contest applications and calendar feeds."""
    body = kept_html(
        request,
        MY_AREA,
        "my-events",
        # The feeds' addresses are absolute.
        f"user:{request.user.pk}:{request.scheme}://{request.get_host()}",
        "events/_my_events_body.html",
        lambda: _my_events_context(request),
        timeout=60,  # an event's badge and its cancel button follow the clock
        with_csrf=True,
    )
    return render(request, "events/my_events.html", {"body": body})


def _my_events_context(request):
    registrations = my_registrations(request.user)
    feed_url = webcal_url = ""
    shared_feeds = []
    if hasattr(request.user, "teacher_profile"):
        token = calendar_feed_for(user=request.user).token
        feed_url = request.build_absolute_uri(reverse("events:feed", args=[token]))
        webcal_url = _webcal(feed_url)
        shared_feeds = _shared_feeds(request, token)
    return {
        "page": Paginator(registrations, MY_PAGE_SIZE).get_page(request.GET.get("page")),
        "feed_url": feed_url,
        "webcal_url": webcal_url,
        "shared_feeds": shared_feeds,
        "applications": my_applications(request.user),
    }


@login_required
@require_POST
def feed_reset(request):
    calendar_feed_reset(user=request.user)
    messages.success(
        request, _("The calendar feed has a new address; the old one stopped working.")
    )
    return redirect("events:my")


@login_required
def certificate_download(request, pk):
    registration = _registration(request, pk, "events.view_certificate")
    certificate = getattr(registration, "certificate", None)
    if certificate is None:
        raise Http404
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, pk):
    registration = _registration(request, pk, "events.leave_feedback")
    form = FeedbackForm(request.POST or None, instance=getattr(registration, "feedback", None))
    if request.method == "POST" and form.is_valid():
        try:
            feedback_leave(
                registration=registration,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except EventsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("events:my")
    return render(
        request, "events/feedback_form.html", {"form": form, "registration": registration}
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request, pk):
    event = get_object_for_user(
        request.user,
        Event.objects.all(),
        perm="events.apply_to_contest",
        known_by="events.view_event",
        pk=pk,
    )
    if getattr(request.user, "teacher_profile", None) is None:  # a superuser outside the registry
        raise PermissionDenied
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            application_submit(
                event=event,
                teacher=request.user.teacher_profile,
                text=form.cleaned_data["text"],
                file=form.cleaned_data["file"],
            )
        except EventsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your application is submitted."))
            return redirect("events:my")
    return render(request, "events/application_form.html", {"form": form, "event": event})
