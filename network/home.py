"""The network's card on the home page: a director's partnerships."""

from network.models import Partnership


def cards(request):
    user = request.user
    if not user.is_director:
        return []
    partnerships = Partnership.objects.visible_to(user).order_by("title")
    return [{"template": "network/_home_card.html", "partnerships": partnerships}]
