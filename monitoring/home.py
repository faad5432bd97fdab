"""Monitoring's card on the home page."""


def cards(request):
    user = request.user
    if user.is_municipal or user.is_director:
        return [{"template": "monitoring/indicators/_home_card.html"}]
    return []
