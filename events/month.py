"""The calendar's month: which events each day of the grid shows, as ready markup.

A region's month holds hundreds of events and the page shows each day's first few twice
(the grid, and the phones' agenda); their links are built here in one pass instead of
through the template language, which took most of the page's time.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from events.models import Event

DAY_SHOWN = 4  # events shown in a day of the month; the rest in the list of that day
STRUCK = " text-decoration-line-through text-danger"


@dataclass(frozen=True)
class Day:
    """A day of the grid with its first events' links, for the grid and for the agenda."""

    date: date
    count: int
    grid: str
    agenda: str


def month_weeks(first):
    """The weeks (Monday first) of the grid that shows the month of ``first``."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)


def month_days(events, weeks, *, day_list_query):
    """The grid's weeks of ``Day``s for ``events`` (a queryset) that meet the grid.

    ``day_list_query`` is added to each day's «и ещё N» link to the list of that day."""
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    rows = (
        Event.objects.filter(pk__in=events.values("pk"))
        .order_by("starts_at", "pk")
        .values_list("pk", "title", "starts_at", "ends_at", "status")
    )
    zone = timezone.get_current_timezone()
    by_day = defaultdict(list)
    for row in rows:
        first_day = max(row[2].astimezone(zone).date(), grid_start)
        last_day = min(row[3].astimezone(zone).date(), grid_end)
        day = first_day
        while day <= last_day:
            by_day[day].append(row)
            day += timedelta(days=1)
    day_list = reverse("events:list")
    return [
        [_day(day, by_day.get(day, []), zone, day_list, day_list_query) for day in week]
        for week in weeks
    ]


def _day(day, rows, zone, day_list, query):
    shown = [_entry(row, zone) for row in rows[:DAY_SHOWN]]
    more = ""
    if len(rows) > DAY_SHOWN:
        extra = len(rows) - DAY_SHOWN
        iso = day.isoformat()
        more = format_html(
            '<a class="fw-semibold" href="{}">{}</a>',
            f"{day_list}?date_from={iso}&date_to={iso}&{query}",
            ngettext("and %(n)s more", "and %(n)s more", extra) % {"n": extra},
        )
    grid = format_html_join(
        "",
        '<a class="d-block text-truncate{}" href="{}" title="{}">{} {}</a>',
        ((struck, url, title, time, title) for url, title, time, struck, _badge in shown),
    )
    agenda = format_html_join(
        "",
        '<li class="py-1"><span class="text-muted me-1">{}</span><a{} href="{}">{}</a>{}</li>',
        (
            (time, format_html(' class="{}"', struck.strip()) if struck else "", url, title, badge)
            for url, title, time, struck, badge in shown
        ),
    )
    if more:
        grid += more
        agenda += format_html('<li class="py-1">{}</li>', more)
    return Day(day, len(rows), mark_safe(grid), mark_safe(agenda))


def _entry(row, zone):
    pk, title, starts_at, _ends_at, status = row
    url = reverse("events:detail", args=[pk])
    time = starts_at.astimezone(zone).strftime("%H:%M")
    if status != Event.Status.CANCELLED:
        return url, title, time, "", ""
    badge = format_html(
        ' <span class="badge text-bg-danger">{}</span>', Event.Status.CANCELLED.label
    )
    return url, title, time, STRUCK, badge
