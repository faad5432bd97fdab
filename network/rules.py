"""Who may do what in the network; every view and admin class asks these rules."""

import rules

from accounts.rules import is_coordinator, is_director, is_methodologist, is_teacher
from network.selectors import partnership_of
from schools.selectors import school_id_of

is_municipal = is_methodologist | is_coordinator
is_school_user = is_director | is_teacher


@rules.predicate
def is_member_school(user, obj):
    """The user's school is the leader or a supported school of the object's partnership."""
    partnership = partnership_of(obj)
    return partnership is not None and school_id_of(user) in partnership.member_school_ids()


@rules.predicate
def is_responsible_school(user, activity):
    return activity is not None and school_id_of(user) == activity.responsible_school_id


@rules.predicate
def is_problem_school(user, problem):
    return problem is not None and school_id_of(user) == problem.school_id


@rules.predicate
def is_association_school(user, association):
    return association is not None and school_id_of(user) in association.member_school_ids()


@rules.predicate
def is_mentorship_school(user, mentorship):
    if mentorship is None:
        return False
    return school_id_of(user) in (mentorship.mentor.school_id, mentorship.mentee.school_id)


can_read = is_municipal | (is_school_user & is_member_school)
# Who may know that an object exists: refused something, they get 403; anyone else 404.
can_know = is_municipal | is_member_school
can_write = is_methodologist | (is_director & is_member_school)

rules.add_perm("network.know_partnership", can_know)
rules.add_perm("network.view_partnership", can_read)
rules.add_perm("network.add_partnership", is_methodologist)
rules.add_perm("network.change_partnership", is_methodologist)
rules.add_perm("network.delete_partnership", is_methodologist)
rules.add_perm("network.export_roadmap", can_read)

rules.add_perm("network.view_roadmap", can_read)
# Write into the roadmap: problems, activities, the conclusion, comments.
rules.add_perm("network.change_roadmap", can_write)
# Problems and activities of any member school, not only of one's own.
rules.add_perm("network.write_for_any_school", is_methodologist)
rules.add_perm("network.submit_stage", is_director & is_member_school)
rules.add_perm("network.review_stage", is_methodologist)

rules.add_perm("network.view_activity", can_read)
rules.add_perm("network.add_activity", can_write)
rules.add_perm("network.change_activity", is_methodologist | (is_director & is_responsible_school))
rules.add_perm("network.view_problem", can_read)
rules.add_perm("network.add_problem", can_write)
rules.add_perm("network.change_problem", is_methodologist | (is_director & is_problem_school))

rules.add_perm("network.know_methodicalassociation", is_municipal | is_association_school)
rules.add_perm(
    "network.view_methodicalassociation", is_municipal | (is_school_user & is_association_school)
)
rules.add_perm("network.view_mentorship", is_municipal | (is_school_user & is_mentorship_school))
