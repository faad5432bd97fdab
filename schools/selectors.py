from django.db.models import Count

from core.figures_cache import bump_on_change, cached_figures
from schools.models import School

# The municipality's counts on the centre's home page: a count of every school and every
# teacher grows with the region, and they change far less often than the page is read.
MUNICIPALITY_AREA = "municipality"
# The directory's pages: the schools list and a school's teachers, kept as HTML.
PAGES_AREA = "school-pages"


def register_invalidation():
    from schools.models import Subject, Teacher

    bump_on_change(MUNICIPALITY_AREA, School, Teacher)
    bump_on_change(PAGES_AREA, School, Teacher, Subject, Teacher.subjects.through)


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


def _municipality_counts() -> dict:
    from schools.models import Teacher

    rows = School.objects.values("category").annotate(n=Count("id")).order_by("category")
    return {
        "schools": School.objects.count(),
        "teachers": Teacher.objects.count(),
        "by_category": [(row["category"], row["n"]) for row in rows],
    }


def municipality_counts() -> dict:
    """The region's schools and teachers, and the schools of each support category (kept
    until a school or a teacher changes)."""
    return cached_figures(MUNICIPALITY_AREA, "counts", _municipality_counts)


def schools_by_category() -> list[tuple[str, int]]:
    """How many schools each support category has, as (label, number) in category order."""
    labels = dict(School.Category.choices)
    return [(labels[category], n) for category, n in municipality_counts()["by_category"]]
