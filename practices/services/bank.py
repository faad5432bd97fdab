"""Every change to the bank's practices goes through these functions.

The review is core's one mechanism (``core.review``): a teacher or director submits, a
methodologist publishes or returns with a comment; the authors may withdraw. Publishing
closes the «обобщение опыта» item of the author's development plan through development's
own service.
"""

from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.history import audited
from core.review import (
    ReviewAction,
    ReviewFlow,
    review_accept,
    review_comment,
    review_return,
    review_submit,
)
from core.services import model_update
from core.uploads import DOCUMENTS, MB, check_upload
from notifications.models import Kind
from notifications.recipients import methodologists
from notifications.services import notify
from practices.errors import PracticesError
from practices.models import Practice, PracticeFile, PracticeReview, UsefulMark
from practices.search import practice_index
from practices.services.plan_items import plan_items_close
from schools.selectors import school_id_of

MAX_FILE_SIZE = 50 * MB
FIELDS = {
    "title",
    "kind",
    "description",
    "grade_from",
    "grade_to",
    "risk_factor",
    "problem",
    "form",
    "link",
    "plan_item",
}

FLOW = ReviewFlow(
    entry_model=PracticeReview,
    thread="practice",
    submittable=Practice.EDITABLE,
    submitted=Practice.State.SUBMITTED,
    returned=Practice.State.RETURNED,
    accepted=Practice.State.PUBLISHED,
    accepted_at="published_at",
    error=PracticesError,
)


def _locked(practice) -> Practice:
    return Practice.objects.select_for_update().get(pk=practice.pk)


def _check_school(*, school, authors, by):
    """A school's people write in their own school's name, with its own teachers."""
    if by.has_perm("practices.write_for_any_school"):
        pass
    elif school is None or school.pk != school_id_of(by):
        raise PracticesError(_("You can share practices only in the name of your own school."))
    if not authors:
        raise PracticesError(_("Name at least one author."))
    if any(author.school_id != school.pk for author in authors):
        raise PracticesError(_("Every author must be a teacher of the practice's school."))


def _check_content(data):
    grade_from, grade_to = data.get("grade_from"), data.get("grade_to")
    if grade_from and grade_to and grade_to < grade_from:
        raise PracticesError(_("The last class cannot come before the first one."))


def file_check(upload) -> None:
    check_upload(upload, allowed=DOCUMENTS, max_size=MAX_FILE_SIZE)


def practice_file_store(practice, upload, name=None):
    """Check and store one file of a practice (the caller holds the practice)."""
    file_check(upload)
    name = Path(name or upload.name).name[:200]
    record = PracticeFile(practice=practice, name=name)
    record.file.save(name, upload, save=False)
    record.save()
    return record


@audited
@transaction.atomic
def practice_create(
    *, by, school, authors, subjects=(), upload=None, event=None, activity=None, **data
) -> Practice:
    """Write a draft practice in a school's name; it is reviewed once submitted."""
    authors = list(authors)
    _check_school(school=school, authors=authors, by=by)
    _check_content(data)
    unknown = set(data) - FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    practice = Practice(school=school, submitted_by=by, event=event, activity=activity)
    model_update(instance=practice, data=data, allowed=FIELDS)
    practice.save()
    practice.authors.set(authors)
    practice.subjects.set(subjects)
    if upload:
        practice_file_store(practice, upload)
    practice_index(practice)
    return practice


@audited
@transaction.atomic
def practice_update(*, practice, by, authors, subjects=(), **data) -> Practice:
    practice = _locked(practice)
    if not practice.is_editable:
        raise PracticesError(_("A practice under review or published cannot be changed."))
    authors = list(authors)
    _check_school(school=practice.school, authors=authors, by=by)
    _check_content(data)
    model_update(instance=practice, data=data, allowed=FIELDS)
    practice.save()
    practice.authors.set(authors)
    practice.subjects.set(subjects)
    practice_index(practice)
    return practice


@audited
@transaction.atomic
def practice_file_add(*, practice, upload, by) -> PracticeFile:
    practice = _locked(practice)
    if not practice.is_editable:
        raise PracticesError(_("Files can be added only while the practice can be changed."))
    return practice_file_store(practice, upload)


def _author_users(practice):
    users = {author.user for author in practice.authors.select_related("user") if author.user_id}
    if practice.submitted_by is not None:
        users.add(practice.submitted_by)
    return users


def _tell(practice, users, kind, title, text=""):
    notify(
        users,
        kind=kind,
        title=title % {"title": practice.title, "school": practice.school},
        text=text,
        url=practice.get_absolute_url(),
    )


@audited
@transaction.atomic
def practice_submit(*, practice, by) -> Practice:
    """Send a draft, returned or withdrawn practice to the methodologists."""
    practice = _locked(practice)
    if not practice.files.exists() and not practice.link:
        raise PracticesError(_("Attach a file or give a link before submitting."))
    review_submit(flow=FLOW, obj=practice, by=by)
    _tell(
        practice,
        methodologists(),
        Kind.PRACTICE_SUBMITTED,
        _("«%(title)s» of %(school)s waits for review in the bank"),
    )
    return practice


@audited
@transaction.atomic
def practice_publish(*, practice, by, comment="") -> Practice:
    """Publish a submitted practice; it closes its authors' «обобщение опыта» item."""
    practice = _locked(practice)
    review = review_accept(flow=FLOW, obj=practice, by=by, comment=comment)
    plan_items_close(practice=practice, by=by)
    _tell(
        practice,
        _author_users(practice),
        Kind.PRACTICE_PUBLISHED,
        _("«%(title)s» is published in the bank"),
        review.text,
    )
    return practice


@audited
@transaction.atomic
def practice_return(*, practice, by, comment) -> Practice:
    practice = _locked(practice)
    review = review_return(flow=FLOW, obj=practice, by=by, comment=comment)
    _tell(
        practice,
        _author_users(practice),
        Kind.PRACTICE_RETURNED,
        _("«%(title)s» is returned for revision"),
        review.text,
    )
    return practice


def practice_comment(*, practice, by, text) -> PracticeReview:
    return review_comment(flow=FLOW, obj=practice, by=by, text=text)


@audited
@transaction.atomic
def practice_withdraw(*, practice, by, text="") -> Practice:
    """Take a submitted or published practice back from the bank."""
    practice = _locked(practice)
    if practice.state not in (Practice.State.SUBMITTED, Practice.State.PUBLISHED):
        raise PracticesError(_("Only a submitted or published practice can be withdrawn."))
    FLOW.move(practice, Practice.State.WITHDRAWN, by=by)
    FLOW.record(practice, by=by, action=ReviewAction.WITHDRAWN, text=(text or "").strip())
    return practice


def practice_downloaded(*, practice) -> None:
    """Count one download (the history keeps no counters)."""
    Practice.objects.filter(pk=practice.pk).update(download_count=F("download_count") + 1)


@transaction.atomic
def practice_mark_useful(*, practice, by) -> bool:
    """Mark «пригодилось», or take the mark back; return whether it is marked now."""
    if not practice.is_published:
        raise PracticesError(_("Only a published practice can be marked."))
    mark = UsefulMark.objects.filter(practice=practice, user=by).first()
    if mark is not None:
        mark.delete()
        change = -1
    else:
        UsefulMark.objects.create(practice=practice, user=by)
        change = 1
    Practice.objects.filter(pk=practice.pk).update(useful_count=F("useful_count") + change)
    return change > 0
