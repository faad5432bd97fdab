"""Who may see which report: whoever may see its subject."""

from django.db.models import Q

from monitoring.models import Report
from network.models import Partnership
from schools.selectors import school_id_of


def reports_visible_to(user):
    """The centre sees every report; a director their school's and their partnerships'."""
    reports = Report.objects.select_related("ordered_by")
    if user.is_municipal:
        return reports
    if user.is_director:
        partnerships = list(Partnership.objects.visible_to(user).values_list("pk", flat=True))
        return reports.filter(
            Q(kind=Report.Kind.SCHOOL, params__school=school_id_of(user))
            | Q(kind=Report.Kind.PARTNERSHIP, params__partnership__in=partnerships)
        )
    return reports.none()


def may_see(user, report):
    return reports_visible_to(user).filter(pk=report.pk).exists()
