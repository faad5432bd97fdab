"""iCalendar files: one event, or a feed (a user's, a school's, an association's).

Times are written in UTC (``DTSTART:20260414T070000Z``) and the file carries no
VTIMEZONE. A VTIMEZONE for Europe/Moscow holds its whole history (+04:00 until 2014),
and some clients (vobject-based ones among them) read today's dates by the wrong rule;
an instant in UTC means one thing to every client, which shows it in its own zone.

An event keeps its UID; SEQUENCE grows with each change of time, place, format, link or
state; LAST-MODIFIED and DTSTAMP are the event's last change, so two downloads of an
unchanged event are the same bytes.
"""

from datetime import UTC, timedelta

from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as VEvent

from events.models import Event
from events.texts import absolute, event_location, portal_domain

# How often a subscribed calendar program should look again.
REFRESH_INTERVAL = timedelta(hours=1)


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{portal_domain()}"


def _utc(moment):
    return moment.astimezone(UTC)


def _vevent(event: Event, *, with_link: bool) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    changed = _utc(event.updated_at or event.created_at)
    vevent.add("dtstamp", changed)
    vevent.add("last-modified", changed)
    if event.created_at:
        vevent.add("created", _utc(event.created_at))
    page = absolute(reverse("events:detail", args=[event.pk]))
    online = event.online_url if with_link else ""
    description = "\n\n".join(part for part in (event.description, online, page) if part)
    vevent.add("description", description)
    vevent.add("url", online or page)
    if location := event_location(event):
        vevent.add("location", location)
    vevent.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return vevent


def calendar_bytes(events, *, name: str, with_links: bool = False) -> bytes:
    """A calendar of the events; ``with_links`` puts the online links in."""
    calendar = Calendar()
    calendar.add("prodid", "-//IMC portal//events//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(_vevent(event, with_link=with_links))
    return calendar.to_ical()
