"""Who may do what with a school's risk profile and programme."""

import rules

from accounts.rules import is_coordinator, is_director, is_methodologist, is_teacher
from schools.models import School
from schools.selectors import school_id_of

is_municipal = is_methodologist | is_coordinator


def _school_id(obj):
    """The school itself, or that of a profile, a programme, a risk, a measure or a round."""
    if isinstance(obj, School):
        return obj.pk
    for path in (
        "school_id",
        "profile.school_id",
        "programme.profile.school_id",
        "risk.programme.profile.school_id",
    ):
        target = obj
        try:
            for name in path.split("."):
                target = getattr(target, name)
        except AttributeError:
            continue
        return target
    return None


@rules.predicate
def is_own_school(user, obj):
    return obj is not None and school_id_of(user) == _school_id(obj)


@rules.predicate
def is_curator(user, obj):
    """The school's curator; a school without one may be reviewed by any methodologist."""
    if obj is None:
        return False
    from programmes.selectors import curator_id_of

    curator_id = curator_id_of(_school_id(obj))
    return curator_id is None or curator_id == user.pk


@rules.predicate
def may_keep_curatorships(user):
    """Whoever may add and change curatorships in the admin: the methodologists' group."""
    return user.has_perms(["programmes.add_curatorship", "programmes.change_curatorship"])


@rules.predicate
def is_accepted(user, obj):
    from programmes.models import Programme

    programme = obj if isinstance(obj, Programme) else getattr(obj, "programme", None)
    return programme is not None and programme.state == Programme.State.ACCEPTED


can_know = is_municipal | ((is_director | is_teacher) & is_own_school)
can_view = is_municipal | (is_director & is_own_school) | (is_teacher & is_own_school & is_accepted)
can_edit = is_director & is_own_school

rules.add_perm("programmes.know_programme", can_know)
rules.add_perm("programmes.view_programme", can_view)
rules.add_perm("programmes.start_programme", is_director)
rules.add_perm("programmes.change_programme", can_edit)
rules.add_perm("programmes.submit_programme", can_edit)
rules.add_perm("programmes.review_programme", is_methodologist & is_curator)
rules.add_perm("programmes.comment_programme", can_edit | (is_methodologist & is_curator))
rules.add_perm("programmes.enter_monitoring", can_edit | is_methodologist)
rules.add_perm("programmes.conclude_monitoring", is_methodologist & is_curator)
rules.add_perm("programmes.view_curator_list", is_methodologist)
rules.add_perm("programmes.assign_curator", is_methodologist & may_keep_curatorships)
rules.add_perm("programmes.view_summary", is_municipal)
