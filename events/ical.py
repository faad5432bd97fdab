"""iCalendar files: one event, or the personal feed of a user's events."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from events.models import Event
from events.notifications import absolute


def _vevent(event: Event, *, with_link: bool) -> VEvent:
    vevent = VEvent()
    vevent.add(
        "uid",
        f"event-{event.pk}@{settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else 'portal'}",
    )
    vevent.add("summary", event.title)
    vevent.add("dtstart", timezone.localtime(event.starts_at))
    vevent.add("dtend", timezone.localtime(event.ends_at))
    vevent.add("dtstamp", timezone.now())
    url = absolute(f"/events/{event.pk}/")
    description = event.description
    if with_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    vevent.add("description", f"{description}\n\n{url}".strip())
    vevent.add("url", url)
    if event.place:
        vevent.add("location", event.place)
    vevent.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return vevent


def calendar_bytes(events, *, name: str, with_links: bool = False) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//IMC portal//events//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, with_link=with_links))
    calendar.add_missing_timezones()
    return calendar.to_ical()
