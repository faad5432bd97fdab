"""Preview and import of a schools or teachers file: every row or none.

The import reads and checks the file again inside its transaction, so what it writes is
what a clean preview showed. Teachers are written in bulk with their history
(simple-history's bulk helpers); schools one by one with their category history.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.imports import ProgressSteps, import_job_run, import_job_start
from accounts.models import ImportRecord
from accounts.services import import_record
from core.dates import current_academic_year
from core.errors import DomainError
from core.history import audited
from core.history_bulk import bulk_create_recorded, bulk_update_recorded
from core.import_errors import sorted_problems
from core.tabular import read_table
from outbox.services import handler
from schools.imports.columns import ALTERNATIVES, COLUMNS, SCHOOLS
from schools.imports.plan import RegistryPlan, plan_schools
from schools.imports.teachers import FIELDS, plan_teachers
from schools.models import School, Teacher
from schools.services import school_set_category

KINDS = {SCHOOLS: ImportRecord.Kind.SCHOOLS, "teachers": ImportRecord.Kind.TEACHERS}
BATCH = 500
JOB = "schools.registry_import"


class RegistryImportError(DomainError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(_("The file has errors; nothing was imported."))


def registry_import_preview(
    *, kind, data: bytes, filename: str, sheet=None, progress=None
) -> RegistryPlan:
    """Read and check a schools or teachers file; nothing is written.

    ``progress(done, total)`` hears of the rows checked, now and then.
    """
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
        plan_teachers(plan, progress)
    plan.problems = sorted_problems(plan.problems)
    if plan.problems:
        plan.new, plan.changed, plan.unchanged = [], [], 0
    return plan


@audited
def registry_import_apply(
    *, kind, data: bytes, filename: str, sheet=None, by, progress=None
) -> RegistryPlan:
    """Import the file if it is clean, and record it once (a refused one with its errors).

    ``progress(done, total)`` counts each row twice: once checked, once written.
    """
    steps = ProgressSteps(progress)
    try:
        with transaction.atomic():
            plan = registry_import_preview(
                kind=kind, data=data, filename=filename, sheet=sheet, progress=steps.checked
            )
            if plan.problems:
                raise RegistryImportError(plan.problems)
            steps.rows = len(plan.table.rows)
            if kind == SCHOOLS:
                _write_schools(plan)
            else:
                _write_teachers(plan, by=by, progress=steps.written)
            steps.written(1, 1)
            plan.extra["record"] = import_record(
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


def registry_import_start(*, kind, data: bytes, filename: str, sheet=None, by, rows, return_url):
    """Hand the import of a big file to a worker; its page shows the progress."""
    return import_job_start(
        handler=JOB,
        kind=KINDS[kind],
        file_name=filename,
        data=data,
        sheet=sheet or "",
        by=by,
        total=2 * rows,
        return_url=return_url,
    )


@handler(JOB)
def registry_import_job(*, job_id: int):
    """The worker's side of ``registry_import_start``."""

    def work(job, progress):
        plan = registry_import_apply(
            kind=job.kind,
            data=bytes(job.data),
            filename=job.file_name,
            sheet=job.sheet or None,
            by=job.started_by,
            progress=progress,
        )
        return {
            "created": len(plan.new),
            "updated": len(plan.changed),
            "unchanged": plan.unchanged,
            "record_id": plan.extra["record"].pk,
        }

    return import_job_run(job_id=job_id, work=work)


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


def _write_teachers(plan, *, by, progress=None):
    through = Teacher.subjects.through
    created = []
    subjects = []
    for _number, values in plan.new:
        teacher = Teacher(**{k: v for k, v in values.items() if k != "subjects"})
        created.append(teacher)
        subjects.append(values.get("subjects") or [])
    for start in range(0, len(created), BATCH):
        bulk_create_recorded(created[start : start + BATCH], Teacher, batch_size=BATCH, by=by)
        if progress:
            progress(start + len(created[start : start + BATCH]), len(plan.table.rows))
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
        # One UPDATE … FROM (VALUES …) a batch on PostgreSQL, with the history.
        bulk_update_recorded(changed, Teacher, fields=list(FIELDS), batch_size=BATCH, by=by)
    through.objects.filter(teacher_id__in=list(resubjected)).delete()
    links += [
        through(teacher_id=pk, subject_id=subject.pk)
        for pk, chosen in resubjected.items()
        for subject in chosen
    ]
    through.objects.bulk_create(links, batch_size=BATCH)
