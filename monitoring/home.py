"""Monitoring's cards on the home page: indicators and development plans."""

from schools.selectors import school_id_of


def cards(request):
    user = request.user
    cards = []
    if user.is_municipal or user.is_director:
        cards.append({"template": "monitoring/indicators/_home_card.html"})
    if school_id_of(user) is None:
        return cards
    if user.is_teacher:
        cards.append({"template": "monitoring/plans/_home_card_teacher.html"})
    elif user.is_director:
        cards.append({"template": "monitoring/plans/_home_card_director.html"})
    return cards
