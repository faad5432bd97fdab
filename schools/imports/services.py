"""Preview and import of a schools or teachers file: every row or none.

The import reads and checks the file again inside its transaction, so what it writes is
what a clean preview showed. Teachers are written in bulk with their history
(simple-history's bulk helpers); schools one by one with their category history.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.models import ImportRecord
from accounts.services import import_record
from core.dates import current_academic_year
from core.errors import DomainError
from core.history import audited
from core.import_errors import sorted_problems
from core.tabular import read_table
from schools.imports.columns import ALTERNATIVES, COLUMNS, SCHOOLS
from schools.imports.plan import RegistryPlan, plan_schools
from schools.imports.teachers import FIELDS, plan_teachers
from schools.models import School, Teacher
from schools.services import school_set_category

KINDS = {SCHOOLS: ImportRecord.Kind.SCHOOLS, "teachers": ImportRecord.Kind.TEACHERS}
BATCH = 500


class RegistryImportError(DomainError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(_("The file has errors; nothing was imported."))


def registry_import_preview(*, kind, data: bytes, filename: str, sheet=None) -> RegistryPlan:
    """Read and check a schools or teachers file; nothing is written."""
    table = read_table(
        data=data,
        filename=filename,
        columns=COLUMNS[kind],
        sheet=sheet,
        alternatives=ALTERNATIVES[kind],
    )
    plan = RegistryPlan(kind=kind, table=table)
    if kind == SCHOOLS:
        plan_schools(plan)
    else:
        plan_teachers(plan)
    plan.problems = sorted_problems(plan.problems)
    if plan.problems:
        plan.new, plan.changed, plan.unchanged = [], [], 0
    return plan


@audited
def registry_import_apply(*, kind, data: bytes, filename: str, sheet=None, by) -> RegistryPlan:
    """Import the file if it is clean, and record it once (a refused one with its errors)."""
    try:
        with transaction.atomic():
            plan = registry_import_preview(kind=kind, data=data, filename=filename, sheet=sheet)
            if plan.problems:
                raise RegistryImportError(plan.problems)
            if kind == SCHOOLS:
                _write_schools(plan)
            else:
                _write_teachers(plan, by=by)
            import_record(
                kind=KINDS[kind],
                file_name=filename,
                by=by,
                created=len(plan.new),
                updated=len(plan.changed),
                skipped=plan.unchanged,
            )
            return plan
    except RegistryImportError as error:
        import_record(kind=KINDS[kind], file_name=filename, by=by, errors=len(error.problems))
        raise


def _write_schools(plan):
    year = current_academic_year()
    for _number, values in plan.new:
        school = School.objects.create(**values)
        school_set_category(school=school, year=year, category=school.category)
    for school, values, _change in plan.changed:
        for key, value in values.items():
            if value is not None:
                setattr(school, key, value)
        school.save()
        school_set_category(school=school, year=year, category=school.category)


def _write_teachers(plan, *, by):
    through = Teacher.subjects.through
    created = []
    subjects = []
    for _number, values in plan.new:
        teacher = Teacher(**{k: v for k, v in values.items() if k != "subjects"})
        created.append(teacher)
        subjects.append(values.get("subjects") or [])
    bulk_create_with_history(created, Teacher, batch_size=BATCH, default_user=by)
    links = [
        through(teacher_id=teacher.pk, subject_id=subject.pk)
        for teacher, chosen in zip(created, subjects, strict=True)
        for subject in chosen
    ]
    changed, resubjected = [], {}
    for teacher, values, _change in plan.changed:
        for key in FIELDS:
            if key in values:
                setattr(teacher, key, values[key])
        changed.append(teacher)
        if "subjects" in values:
            resubjected[teacher.pk] = values["subjects"]
    if changed:
        bulk_update_with_history(
            changed, Teacher, fields=list(FIELDS), batch_size=BATCH, default_user=by
        )
    through.objects.filter(teacher_id__in=list(resubjected)).delete()
    links += [
        through(teacher_id=pk, subject_id=subject.pk)
        for pk, chosen in resubjected.items()
        for subject in chosen
    ]
    through.objects.bulk_create(links, batch_size=BATCH)
