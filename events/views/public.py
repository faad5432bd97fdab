"""Pages anyone may open: the calendar, an event, its .ics, the feeds, certificate checks."""

from datetime import date, timedelta

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.access import get_object_for_user, require_perm
from core.figures_cache import cached_figures
from core.kept_html import kept_html
from events.filters import EventFilter
from events.forms import RegisterTeacherForm
from events.ical import calendar_bytes
from events.kept import AREA, scope_of
from events.models import CalendarFeed, Certificate, Event, Registration
from events.month import month_days, month_weeks
from events.selectors import (
    association_feed_events,
    calendar_events,
    event_history,
    feed_events,
    feedback_summary,
    registration_of,
    school_feed_events,
    school_registrations,
    teachers_to_register,
    waitlist_position,
)
from events.services.seats import has_seat_for, occupancy
from network.models import MethodicalAssociation
from schools.models import School
from schools.selectors import school_id_of

PAGE_SIZE = 20
# How long the event list may show an event that has just ended.
LIST_KEPT_SECONDS = 60


# The calendar's months: a year outside these is a mistyped or hostile address.
YEARS = range(1900, 2101)


def _month(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        if year not in YEARS:
            raise ValueError(year)
        return date(year, month, 1)
    except (ValueError, OverflowError):
        return today.replace(day=1)


def _query_without(request, *names):
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def calendar_month(request):
    today = timezone.localdate()
    body = kept_html(
        request,
        AREA,
        "calendar",
        f"{scope_of(request.user)}:{today}",
        "events/_calendar_body.html",
        lambda: _calendar_context(request, today),
    )
    return render(request, "events/calendar_month.html", {"body": body})


def _calendar_context(request, today):
    first = _month(request)
    weeks = month_weeks(first)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    event_filter = EventFilter(request.GET, queryset=Event.objects.visible_to(request.user))
    in_grid = event_filter.qs.filter(starts_at__date__lte=grid_end, ends_at__date__gte=grid_start)
    filter_query = _query_without(request, "year", "month", "page")
    days = month_days(in_grid, weeks, day_list_query=filter_query)
    return {
        "filter": event_filter,
        "month": first,
        "weeks": days,
        "month_has_events": any(d.count and d.date.month == first.month for w in days for d in w),
        "previous": (first - timedelta(days=1)).replace(day=1),
        "following": (first + timedelta(days=32)).replace(day=1),
        "today": today,
        "filter_query": filter_query,
    }


def event_list(request):
    # The list hides events that have ended: kept for a minute at most.
    body = kept_html(
        request,
        AREA,
        "event-list",
        scope_of(request.user),
        "events/_event_list_body.html",
        lambda: _event_list_context(request),
        timeout=LIST_KEPT_SECONDS,
    )
    return render(request, "events/event_list.html", {"body": body})


def _event_list_context(request):
    matching = Event.objects.visible_to(request.user)
    if not request.GET.get("date_from") and not request.GET.get("past"):
        matching = matching.filter(ends_at__gte=timezone.now())
    event_filter = EventFilter(request.GET, queryset=matching)
    # The filters may join subjects; a semi-join keeps each event once without a DISTINCT
    # over every listed event's columns.
    events = calendar_events(request.user).filter(pk__in=event_filter.qs.values("pk"))
    page = Paginator(events.prefetch_related("subjects"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {"filter": event_filter, "page": page, "filter_query": _query_without(request, "page")}


def _visible_event(user, events, pk):
    """The event if the user may see it; a draft does not exist for anyone else."""
    return get_object_for_user(
        user, events, perm="events.view_event", known_by="events.view_event", pk=pk
    )


def _kept_event(pk):
    """The event with its seat count, host, subjects and materials, read once per version of
    the area (None if there is none); who may see it is checked on every request."""

    def read():
        rows = Event.objects.with_counts().select_related("host_school")
        return rows.prefetch_related("subjects", "materials").filter(pk=pk).first()

    return cached_figures(AREA, f"event-row:{pk}", read)


def event_detail(request, pk):
    user = request.user
    event = _kept_event(pk)
    if event is None:
        raise Http404
    require_perm(user, "events.view_event", event, known_by="events.view_event")
    mine = registration_of(user, event)
    is_manager = user.has_perm("events.manage_event", event)
    context = {
        "event": event,
        "registration": mine,
        "position": waitlist_position(mine) if mine else None,
        "seats_left": None
        if event.capacity is None
        else max(0, event.capacity - event.confirmed_count),
        "show_link": is_manager
        or (mine is not None and mine.status == Registration.Status.CONFIRMED),
        "can_register": user.has_perm("events.register_self") and event.registration_is_open,
        "can_apply": event.is_contest and user.has_perm("events.apply_to_contest"),
        "is_manager": is_manager,
        "can_view_registrations": user.has_perm("events.view_registrations"),
        "can_open_partnership": event.partnership_id is not None
        and user.has_perm("network.view_partnership", event.partnership),
        "can_open_association": event.association_id is not None
        and user.has_perm("network.view_methodicalassociation", event.association),
    }
    if context["can_register"] and mine is None and event.capacity is not None:
        context["seat_for_me"] = _seat_for(user, event)
    school_id = school_id_of(user)
    if school_id and user.has_perm("events.view_school_registrations"):
        context.update(_school_context(school_id, event))
    if user.has_perm("events.view_feedback_summary"):
        context["feedback"] = feedback_summary(event)
    if user.has_perm("events.view_event_history", event):
        context["audit_trail_html"] = kept_html(
            request,
            AREA,
            "event-history",
            event.pk,
            "includes/_history.html",
            lambda: {"audit_trail": event_history(event)},
        )
    return render(request, "events/event_detail.html", context)


def _seat_for(user, event):
    """Whether a registration now would get a seat (without the lock: only a forecast)."""
    teacher = getattr(user, "teacher_profile", None)
    supported = teacher is not None and teacher.school.is_supported
    return has_seat_for(event, occupancy(event), supported=supported)


def _school_context(school_id, event):
    """What a director sees of their own school's teachers on an event page."""
    registrations = list(school_registrations(school_id, event))
    context = {"school_registrations": registrations}
    if event.registration_is_open:
        teachers = teachers_to_register(school_id, exclude=[r.teacher_id for r in registrations])
        context["register_form"] = RegisterTeacherForm(teachers=teachers)
    return context


def event_ics(request, pk):
    event = _visible_event(request.user, Event.objects.select_related("host_school"), pk)
    mine = registration_of(request.user, event)
    with_link = mine is not None and mine.status == Registration.Status.CONFIRMED
    body = calendar_bytes([event], name=event.title, with_links=with_link)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = slugify(event.title, allow_unicode=False) or f"event-{event.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def _feed_owner(token):
    """The user whose private feed address this is; 404 for an unknown or old one."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    return feed.user


def _calendar(body):
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def personal_feed(request, token):
    user = _feed_owner(token)
    return _calendar(calendar_bytes(feed_events(user), name=_("My events"), with_links=True))


# A calendar program has no session: the feed's owner is the one its token names, and a
# school or association they may not see does not exist (404). Online links stay out:
# they are for each confirmed participant, not for a shared calendar.
def school_feed(request, token, pk):
    school = get_object_for_user(
        _feed_owner(token),
        School.objects.all(),
        perm="events.view_school_feed",
        known_by="events.view_school_feed",
        pk=pk,
    )
    return _calendar(calendar_bytes(school_feed_events(school), name=school.short_name))


def association_feed(request, token, pk):
    association = get_object_for_user(
        _feed_owner(token),
        MethodicalAssociation.objects.select_related("leader").prefetch_related("members"),
        perm="network.view_methodicalassociation",
        known_by="network.view_methodicalassociation",
        pk=pk,
    )
    events = association_feed_events(association)
    return _calendar(calendar_bytes(events, name=association.name))


def verify(request):
    code = request.GET.get("code", "").strip().upper()
    certificate = None
    if code:
        certificate = (
            Certificate.objects.select_related("registration__event", "registration__teacher")
            .filter(code=code, registration__attended=True)
            .first()
        )
    return render(request, "events/verify.html", {"code": code, "certificate": certificate})
