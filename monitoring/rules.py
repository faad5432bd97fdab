"""Who may do what with indicators: the centre sees all, a director only their school."""

import rules

from accounts.rules import is_director, is_methodologist, is_municipal
from schools.rules import is_member_of_school
from schools.selectors import school_id_of


@rules.predicate
def is_member_of_partnership(user, partnership):
    if partnership is None:
        return False
    school_id = school_id_of(user)
    return school_id is not None and school_id in partnership.member_school_ids()


is_own_director = is_director & is_member_of_school

# Who may learn that a school's figures exist: the centre and the school's own staff.
rules.add_perm("monitoring.know_school_data", is_municipal | is_member_of_school)
# A director keeps the figures of their own school (the one of their registry entry).
rules.add_perm("monitoring.keep_school_indicators", is_director)
# A school's figures and its entry form: the centre, and the school's own director.
rules.add_perm("monitoring.view_school_indicators", is_municipal | is_own_director)
rules.add_perm("monitoring.enter_indicator_values", is_methodologist | is_own_director)
rules.add_perm("monitoring.submit_indicator_values", is_methodologist | is_own_director)
# The centre's work: review, import, periods, recalculation.
rules.add_perm("monitoring.review_indicator_values", is_methodologist)
rules.add_perm("monitoring.import_indicator_values", is_methodologist)
rules.add_perm("monitoring.export_indicator_values", is_municipal)
rules.add_perm("monitoring.lock_period", is_methodologist)
rules.add_perm("monitoring.recalculate_indicators", is_methodologist)
rules.add_perm("monitoring.view_municipal_dashboard", is_municipal)
rules.add_perm(
    "monitoring.view_partnership_effect", is_municipal | (is_director & is_member_of_partnership)
)
