import rules

from accounts.rules import is_director, is_municipal


@rules.predicate
def sees_report_subject(user, report):
    from monitoring.reports.access import may_see

    return report is not None and may_see(user, report)


rules.add_perm("monitoring.order_report", is_municipal | is_director)
rules.add_perm("monitoring.view_report", is_municipal | (is_director & sees_report_subject))
