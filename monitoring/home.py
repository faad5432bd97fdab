"""Monitoring's cards on the home page: development plans."""

from schools.selectors import school_id_of


def cards(request):
    user = request.user
    if school_id_of(user) is None:
        return []
    if user.is_teacher:
        return [{"template": "monitoring/plans/_home_card_teacher.html"}]
    if user.is_director:
        return [{"template": "monitoring/plans/_home_card_director.html"}]
    return []
