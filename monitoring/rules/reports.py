import rules

from accounts.rules import is_director, is_municipal
from schools.selectors import school_id_of


@rules.predicate
def is_report_of_own_school(user, report):
    if report is None:
        return False
    return report.kind == "school" and report.params.get("school") == school_id_of(user)


rules.add_perm("monitoring.order_report", is_municipal | is_director)
rules.add_perm("monitoring.view_report", is_municipal | (is_director & is_report_of_own_school))
