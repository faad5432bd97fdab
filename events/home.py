"""The events' card on the home page: a teacher's next events, kept as HTML per teacher
until one of her registrations or events changes, and for a minute at most (an event that
has ended leaves the card)."""

from core.kept_html import kept_html
from events.kept import MY_AREA
from events.selectors import upcoming_for


def cards(request):
    user = request.user
    if not user.is_teacher:
        return []
    html = kept_html(
        request,
        MY_AREA,
        "home-card",
        f"user:{user.pk}",
        "events/_home_card.html",
        lambda: {"card": {"my_events": upcoming_for(user)}},
        timeout=60,
    )
    return [{"html": html}]
