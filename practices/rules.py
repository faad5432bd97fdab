"""Who may do what in the bank of practices and the associations' discussions."""

import rules

from accounts.rules import is_coordinator, is_director, is_methodologist, is_teacher
from network.rules import is_association_school
from schools.selectors import school_id_of

is_municipal = is_methodologist | is_coordinator
is_school_user = is_director | is_teacher


def _teacher_of(user):
    return getattr(user, "teacher_profile", None) if user.is_authenticated else None


@rules.predicate
def is_published(user, practice):
    return practice is not None and practice.is_published


@rules.predicate
def is_author(user, practice):
    teacher = _teacher_of(user)
    if practice is None or teacher is None:
        return False
    return practice.submitted_by_id == user.pk or any(
        author.pk == teacher.pk for author in practice.authors.all()
    )


@rules.predicate
def is_practice_school(user, practice):
    return practice is not None and school_id_of(user) == practice.school_id


@rules.predicate
def is_editable(user, practice):
    return practice is not None and practice.is_editable


@rules.predicate
def is_member(user, association):
    """The leader or a member of the association."""
    teacher = _teacher_of(user)
    if association is None or teacher is None:
        return False
    return association.leader_id == teacher.pk or any(
        member.pk == teacher.pk for member in association.members.all()
    )


@rules.predicate
def is_leader(user, association):
    teacher = _teacher_of(user)
    return association is not None and teacher is not None and association.leader_id == teacher.pk


# Who may know of an unpublished practice: its authors, its school's director, the centre.
owns = is_author | (is_director & is_practice_school)
can_know = is_municipal | is_published | owns

rules.add_perm("practices.know_practice", can_know)
rules.add_perm("practices.view_practice", can_know)
rules.add_perm("practices.add_practice", is_school_user | is_methodologist)
rules.add_perm("practices.change_practice", (owns | is_methodologist) & is_editable)
rules.add_perm("practices.submit_practice", owns & is_editable)
rules.add_perm("practices.withdraw_practice", is_author | (is_director & is_practice_school))
rules.add_perm("practices.review_practice", is_methodologist)
rules.add_perm("practices.comment_practice", owns | is_methodologist)
# The name of any school, not only one's own.
rules.add_perm("practices.write_for_any_school", is_methodologist)
rules.add_perm("practices.mark_practice", is_published & (is_school_user | is_municipal))

# The association's page: the centre and the staff of its schools (as in network).
rules.add_perm("practices.know_association", is_municipal | is_association_school)
rules.add_perm(
    "practices.view_association", is_municipal | (is_school_user & is_association_school)
)
rules.add_perm("practices.post_in_association", is_methodologist | is_member)
rules.add_perm("practices.moderate_association", is_methodologist | is_leader)
