"""Where practice happens, proposed to the bank: seminars and roadmap activities."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core.history import audited
from practices.errors import PracticesError
from practices.models import Practice
from practices.services.bank import practice_create, practice_file_store
from schools.selectors import school_of


def _authors_of(by, school):
    """The proposer, if a teacher of the school, else nobody (they choose on the form)."""
    teacher = getattr(by, "teacher_profile", None)
    return [teacher] if teacher is not None and teacher.school_id == school.pk else []


@audited
@transaction.atomic
def practice_from_activity(*, activity, by) -> Practice:
    """Propose a done roadmap activity's evidence as a draft practice of its school."""
    from network.models import Activity

    if activity.state != Activity.State.DONE or not activity.has_evidence:
        raise PracticesError(_("Only a done activity with evidence can be proposed to the bank."))
    school = activity.responsible_school
    authors = _authors_of(by, school) or list(activity.participants.filter(school=school)[:5])
    problem = activity.problem
    evidence = activity.evidence_file
    files = [(evidence, activity.evidence_name or Path(evidence.name).name)] if evidence else []
    _require_stored(files)
    practice = practice_create(
        by=by,
        school=school,
        authors=authors,
        activity=activity,
        title=activity.title,
        kind=Practice.Kind.PRACTICE,
        description=activity.result,
        form=activity.form,
        risk_factor=problem.risk_factor if problem is not None else None,
        problem=problem.title if problem is not None else "",
        link=activity.evidence_link,
    )
    for stored, name in files:
        _copy(practice, stored, name)
    return practice


@audited
@transaction.atomic
def practice_from_event(*, event, by) -> Practice:
    """Propose a seminar's materials as a draft practice of its host school."""
    from network.models import Activity

    school = event.host_school or school_of(by)
    if school is None:
        raise PracticesError(
            _("The event has no host school to share the practice in the name of.")
        )
    materials = list(event.materials.all())
    if not materials:
        raise PracticesError(_("The event has no materials to propose."))
    authors = _authors_of(by, school)
    if not authors:
        teacher = school.teachers.order_by("pk").first()
        authors = [teacher] if teacher is not None else []
    links = [material.url for material in materials if material.url]
    files = [(m.file, f"{m.title}.{m.file.name.rsplit('.', 1)[-1]}") for m in materials if m.file]
    _require_stored(files)
    practice = practice_create(
        by=by,
        school=school,
        authors=authors,
        subjects=list(event.subjects.all()),
        event=event,
        title=event.title,
        kind=Practice.Kind.PRESENTATION,
        description=event.description or event.title,
        form=Activity.Form.SEMINAR,
        link=links[0] if links else "",
    )
    for stored, name in files:
        _copy(practice, stored, name)
    return practice


def _gone(name):
    return PracticesError(
        _("The file «%(name)s» is missing from the storage: upload it again.") % {"name": name}
    )


def _require_stored(files):
    """Refuse before anything is written if a file to copy, given as (stored file, the
    name its page shows), is gone from the storage."""
    for stored, name in files:
        if stored and not stored.storage.exists(stored.name):
            raise _gone(name)


def _copy(practice, stored, name):
    """Store a copy of a stored file among the practice's files, named ``name``."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:  # gone since the check: the transaction drops all
        raise _gone(name) from error
    with handle:
        practice_file_store(practice, handle, name=name)
