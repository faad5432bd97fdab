"""The reports a user sees, as the list, the status feed and the rules ask for them."""

from django.db.models import Q

from network.models import Partnership
from reports.models import Report
from schools.selectors import school_id_of


def reports_visible_to(user):
    """The centre sees every report; a director their school's and their partnerships'."""
    reports = Report.objects.select_related("ordered_by")
    if user.has_perm("reports.order_any_report"):
        return reports
    if user.has_perm("reports.order_report"):
        # A list, not a subquery: PostgreSQL compares a JSON value with numbers only so.
        partnerships = list(Partnership.objects.visible_to(user).values_list("pk", flat=True))
        return reports.filter(
            Q(kind=Report.Kind.SCHOOL, params__school=school_id_of(user))
            | Q(kind=Report.Kind.PARTNERSHIP, params__partnership__in=partnerships)
        )
    return reports.none()
