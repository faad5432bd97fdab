from django.db.models import Count

from schools.models import School


def school_of(user) -> School | None:
    """The school a director or teacher belongs to, through their registry entry."""
    if not user.is_authenticated:
        return None
    profile = getattr(user, "teacher_profile", None)
    return profile.school if profile is not None else None


def school_id_of(user) -> int | None:
    if not user.is_authenticated:
        return None
    profile = getattr(user, "teacher_profile", None)
    return profile.school_id if profile is not None else None


def teacher_rows_visible_to(queryset, user, *, teacher="teacher"):
    """Rows about teachers as a user may see them: the centre all, a director their
    school's, a teacher their own; nobody else any."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_municipal:
        return queryset
    profile = getattr(user, "teacher_profile", None)
    if profile is None:
        return queryset.none()
    if user.is_director:
        return queryset.filter(**{f"{teacher}__school_id": profile.school_id})
    return queryset.filter(**{teacher: profile})


def schools_by_category() -> list[tuple[str, int]]:
    """How many schools each support category has, as (label, number) in category order."""
    labels = dict(School.Category.choices)
    rows = School.objects.values("category").annotate(n=Count("id")).order_by("category")
    return [(labels[row["category"]], row["n"]) for row in rows]
