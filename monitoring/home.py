"""Monitoring's card on the home page."""


def cards(request):
    user = request.user
    if user.has_perm("monitoring.view_municipal_dashboard") or user.has_perm(
        "monitoring.keep_school_indicators"
    ):
        return [{"template": "monitoring/indicators/_home_card.html"}]
    return []
