"""Practices built through the bank's services, as the portal builds them."""

from django.core.files.base import ContentFile

from practices.models import Practice
from practices.services.bank import practice_create, practice_publish, practice_submit
from tests.accounts.factories import UserFactory
from tests.network.factories import PDF

METHODOLOGIST = {"username": "metodist_banka", "role": "methodologist"}


def pdf(name="разработка.pdf"):
    return ContentFile(PDF, name=name)


def draft(
    *, by, school=None, authors=None, title="Проектная деятельность на уроках физики", **data
):
    teacher = getattr(by, "teacher_profile", None)
    school = school or teacher.school
    data.setdefault("kind", Practice.Kind.METHODICAL)
    data.setdefault("description", "Как учитель организует работу в группах на уроке")
    return practice_create(
        by=by,
        school=school,
        authors=authors or [teacher],
        upload=data.pop("upload", pdf()),
        title=title,
        **data,
    )


def published(*, by, reviewer=None, **data):
    practice = draft(by=by, **data)
    practice_submit(practice=practice, by=by)
    reviewer = reviewer or UserFactory(role="methodologist")
    practice_publish(practice=practice, by=reviewer)
    practice.refresh_from_db()
    return practice
