"""The events' card on the home page: a teacher's next events."""

from events.selectors import upcoming_for


def cards(request):
    user = request.user
    if not user.is_teacher:
        return []
    return [{"template": "events/_home_card.html", "my_events": upcoming_for(user)}]
