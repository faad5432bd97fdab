from django.db.models import Q

from monitoring.models import Report
from schools.selectors import school_id_of


def reports_visible_to(user):
    """The reports a user may see: the centre all, a director their school's."""
    reports = Report.objects.select_related("ordered_by")
    if user.is_municipal:
        return reports
    if user.is_director:
        return reports.filter(Q(kind=Report.Kind.SCHOOL, params__school=school_id_of(user)))
    return reports.none()
