"""Tags of the event pages that a list repeats per row, written in Python: an include per
row costs more than the badge it writes."""

from django import template
from django.utils.html import format_html

from events.models import Event

register = template.Library()

BADGES = {
    Event.Status.DRAFT: "text-bg-secondary",
    Event.Status.CANCELLED: "text-bg-danger",
    Event.Status.HELD: "text-bg-dark",
}


@register.simple_tag
def status_badge(event):
    """The event's state as a badge, unless it is simply published."""
    style = BADGES.get(event.status)
    if style is None:
        return ""
    return format_html('<span class="badge {}">{}</span>', style, event.get_status_display())
