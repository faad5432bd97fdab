"""Links to where practice happens: activities, seminars, and the «обобщение опыта» plan item."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from core.storage import private_storage
from development.models import DevelopmentPlan, PlanItem
from events.models import EventMaterial
from network.models import Stage
from practices.errors import PracticesError
from practices.models import Practice
from practices.services.bank import practice_publish, practice_submit
from practices.services.links import practice_from_activity, practice_from_event
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory
from tests.events.factories import EventFactory
from tests.network.factories import PartnershipFactory, add_activity, complete, pdf, stage
from tests.practices.factories import draft


def test_a_done_activity_with_evidence_becomes_a_draft_practice(school_a, teacher_a, methodologist):
    partnership = PartnershipFactory(schools=[school_a])
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), school=school_a)
    with pytest.raises(PracticesError):
        practice_from_activity(activity=activity, by=teacher_a)
    complete(activity, file=pdf())
    activity.refresh_from_db()
    practice = practice_from_activity(activity=activity, by=teacher_a)
    assert practice.state == Practice.State.DRAFT
    assert practice.activity == activity and practice.school == school_a
    assert list(practice.authors.all()) == [teacher_a.teacher_profile]
    assert practice.form == activity.form
    assert practice.files.get().file.read().startswith(b"%PDF")
    practice_submit(practice=practice, by=teacher_a)
    practice_publish(practice=practice, by=methodologist)


def test_a_seminars_materials_are_proposed_to_the_bank(school_a, director_a, methodologist):
    start = timezone.now() - timedelta(days=2)
    event = EventFactory(
        host_school=school_a, starts_at=start, ends_at=start + timedelta(hours=2), title="Семинар"
    )
    with pytest.raises(PracticesError):
        practice_from_event(event=event, by=director_a)
    material = EventMaterial(event=event, title="Презентация семинара")
    material.file.save("slides.pdf", ContentFile(pdf().read()))
    practice = practice_from_event(event=event, by=director_a)
    assert practice.event == event and practice.kind == Practice.Kind.PRESENTATION
    assert practice.files.get().name == "Презентация семинара.pdf"


def _experience_item(teacher, plan_status=DevelopmentPlan.Status.APPROVED):
    plan = DevelopmentPlanFactory(teacher=teacher, status=plan_status)
    return PlanItemFactory(plan=plan, kind=PlanItem.Kind.EXPERIENCE, title="Обобщение опыта")


def test_publishing_closes_the_authors_experience_item(teacher_a, methodologist):
    item = _experience_item(teacher_a.teacher_profile)
    other = PlanItemFactory(plan=item.plan, kind=PlanItem.Kind.SEMINAR)
    practice = draft(by=teacher_a)
    practice_submit(practice=practice, by=teacher_a)
    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED
    practice_publish(practice=practice, by=methodologist)
    item.refresh_from_db()
    other.refresh_from_db()
    assert item.status == PlanItem.Status.DONE
    assert item.evidence_url.endswith(practice.get_absolute_url())
    assert other.status == PlanItem.Status.PLANNED


def test_the_item_the_practice_names_is_the_one_closed(teacher_a, methodologist):
    first = _experience_item(teacher_a.teacher_profile)
    named = PlanItemFactory(plan=first.plan, kind=PlanItem.Kind.EXPERIENCE, title="Второй")
    practice = draft(by=teacher_a, plan_item=named)
    practice_submit(practice=practice, by=teacher_a)
    practice_publish(practice=practice, by=methodologist)
    first.refresh_from_db()
    named.refresh_from_db()
    assert (first.status, named.status) == (PlanItem.Status.PLANNED, PlanItem.Status.DONE)


def test_a_plan_under_review_is_left_alone(teacher_a, methodologist):
    item = _experience_item(teacher_a.teacher_profile, DevelopmentPlan.Status.SUBMITTED)
    practice = draft(by=teacher_a, plan_item=item)
    practice_submit(practice=practice, by=teacher_a)
    practice_publish(practice=practice, by=methodologist)
    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_a_material_gone_from_the_storage_refuses_the_proposal_and_writes_nothing(
    school_a, director_a
):
    event = EventFactory(host_school=school_a, title="Семинар")
    kept, gone = (EventMaterial(event=event, title=title) for title in ("Программа", "Слайды"))
    kept.file.save("program.pdf", ContentFile(pdf().read()))
    gone.file.save("slides.pdf", ContentFile(pdf().read()))
    gone.file.storage.delete(gone.file.name)
    before = private_files()

    with pytest.raises(PracticesError, match=r"«Слайды\.pdf» не найден в хранилище"):
        practice_from_event(event=event, by=director_a)

    assert not Practice.objects.exists()
    assert private_files() == before


def private_files():
    return sorted(p for p in Path(private_storage().location).rglob("*") if p.is_file())


def test_an_activitys_evidence_gone_from_the_storage_refuses_the_proposal(school_a, teacher_a):
    partnership = PartnershipFactory(schools=[school_a])
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), school=school_a)
    complete(activity, file=pdf())
    activity.refresh_from_db()
    activity.evidence_file.storage.delete(activity.evidence_file.name)

    with pytest.raises(PracticesError, match="не найден в хранилище"):
        practice_from_activity(activity=activity, by=teacher_a)

    assert not Practice.objects.exists()


def test_an_activity_with_a_link_for_evidence_is_proposed_without_files(school_a, teacher_a):
    from network.services import activity_complete

    partnership = PartnershipFactory(schools=[school_a])
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), school=school_a)
    activity_complete(
        activity=activity,
        by=None,
        result="Проведено",
        evidence_link="https://school.example.org/protocol",
    )
    activity.refresh_from_db()

    practice = practice_from_activity(activity=activity, by=teacher_a)

    assert practice.link == "https://school.example.org/protocol"
    assert not practice.files.exists()
