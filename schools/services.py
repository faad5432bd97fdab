from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.history import audited
from core.services import model_update
from schools.models import CategoryRecord, School, Teacher

# What a director may change in a teacher's entry (the subjects are set apart).
TEACHER_FIELDS = {
    "position",
    "qualification",
    "teaches_grade_9",
    "teaches_grade_11",
    "uses_online_platforms",
    "email",
    "phone",
    "birth_date",
    "personnel_number",
}


class SchoolsError(DomainError):
    """A refused change, with a message for the user."""


@transaction.atomic
def school_set_category(*, school: School, year: int, category: str) -> CategoryRecord:
    """Record the school's category for a year; the latest year is its current one."""
    if category not in School.Category.values:
        raise SchoolsError(_("Unknown support category: %(value)s") % {"value": category})
    record, _created = CategoryRecord.objects.update_or_create(
        school=school, year=year, defaults={"category": category}
    )
    school_refresh_category(school=school)
    return record


def school_refresh_category(*, school: School) -> School:
    """Make the school's current category the one of its latest recorded year."""
    latest = school.category_history.order_by("-year").first()
    if latest is not None and latest.category != school.category:
        school.category = latest.category
        school.save(update_fields=["category"])
    return school


@audited
@transaction.atomic
def teacher_update(*, teacher: Teacher, data: dict, subjects=None, by=None) -> Teacher:
    """Change a teacher's registry entry: the fields a director may edit."""
    model_update(instance=teacher, data=data, allowed=TEACHER_FIELDS)
    teacher.full_clean()
    teacher.save()
    if subjects is not None:
        teacher.subjects.set(subjects)
    return teacher
