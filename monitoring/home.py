"""Monitoring's cards on the home page: indicators and development plans."""

from .plans_home import cards as plans_cards


def cards(request):
    user = request.user
    cards = []
    if user.is_municipal or user.is_director:
        cards.append({"template": "monitoring/indicators/_home_card.html"})
    return cards + plans_cards(request)
