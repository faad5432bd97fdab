"""Who may order which report, and who may see or download one: decided here alone.

The centre orders every kind; a director orders their own school's report and the
reports of the partnerships they take part in. A report is seen by whoever may see its
subject. The kinds ask ``may_order_about`` when they clean a user's parameters.
"""

import rules

from accounts.rules import is_director, is_municipal
from reports.models import Report
from reports.selectors import reports_visible_to
from schools.selectors import school_id_of

DIRECTOR_KINDS = (Report.Kind.SCHOOL, Report.Kind.PARTNERSHIP)


def kinds_for(user):
    """The kinds of report the user may order."""
    if user.has_perm("reports.order_any_report"):
        return list(Report.Kind)
    if user.has_perm("reports.order_report"):
        return list(DIRECTOR_KINDS)
    return []


def may_order_about(user, kind, subject) -> bool:
    """May the user order a report of this kind about this subject (a school, a partnership,
    an event, or None for the municipal report)? ``user`` None is the schedule or an operator.
    """
    if user is None:
        return True
    if kind not in kinds_for(user):
        return False
    if kind == Report.Kind.SCHOOL:
        return user.has_perm("reports.order_any_report") or school_id_of(user) == subject.pk
    if kind == Report.Kind.PARTNERSHIP:
        return user.has_perm("network.view_partnership", subject)
    if kind == Report.Kind.EVENT:
        return user.has_perm("events.view_registrations", subject)
    return True


@rules.predicate
def sees_report_subject(user, report):
    return report is not None and reports_visible_to(user).filter(pk=report.pk).exists()


rules.add_perm("reports.order_report", is_municipal | is_director)
# The centre orders every kind, about any school, partnership or event, and sees every report.
rules.add_perm("reports.order_any_report", is_municipal)
rules.add_perm("reports.view_report", is_municipal | (is_director & sees_report_subject))


@rules.predicate
def ordered_it(user, report):
    return report is not None and report.ordered_by_id == user.pk


# A failed or stalled report is ordered again by whoever ordered it, or by the centre.
rules.add_perm(
    "reports.retry_report", is_municipal | (is_director & sees_report_subject & ordered_it)
)
