"""An item linked to an event follows the teacher's attendance, through the events signal.

The rule: marked attendance makes a planned item done by attendance, with the
certificate; withdrawn attendance sends such an item back to planned, while an item the
teacher completed by hand stays done. Completed plans are not touched.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from development.models.plans import DevelopmentPlan, PlanComment, PlanItem
from development.services.plans import PlansError, plan_item_add_event, plan_item_complete
from events.models import Registration
from events.services import attendance_mark, registration_cancel
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
)
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def started_event():
    start = timezone.now() - timedelta(hours=1)
    return EventFactory(title="Вебинар «Формирующее оценивание»", starts_at=start)


@pytest.fixture
def registration(started_event, teacher_a):
    return RegistrationFactory(event=started_event, teacher=teacher_a.teacher_profile)


@pytest.fixture
def plan(teacher_a):
    return DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.APPROVED
    )


def _mark(registration, attended, capture):
    with capture(execute=True):
        attendance_mark(registration=registration, attended=attended)


def test_marked_attendance_completes_the_item_with_the_certificate(
    plan, registration, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=registration.event)

    _mark(registration, True, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.DONE
    assert item.completion == PlanItem.Completion.ATTENDANCE
    assert item.certificate == registration.certificate
    assert plan.comments.filter(kind=PlanComment.Kind.ATTENDED, text=item.title).exists()


def test_nothing_is_completed_before_the_commit(
    plan, registration, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=registration.event)

    with django_capture_on_commit_callbacks(execute=False):
        attendance_mark(registration=registration, attended=True)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_withdrawn_attendance_sends_an_auto_completed_item_back_to_planned(
    plan, registration, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=registration.event)
    _mark(registration, True, django_capture_on_commit_callbacks)

    _mark(registration, False, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED
    assert item.certificate is None
    assert item.completed_at is None


def test_absence_marked_from_the_start_completes_nothing(
    plan, registration, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=registration.event)

    _mark(registration, False, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_withdrawn_attendance_leaves_a_manually_completed_item_alone(
    plan, registration, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=registration.event)
    plan_item_complete(item=item, evidence_url="https://example.org/notes.pdf")
    _mark(registration, True, django_capture_on_commit_callbacks)

    _mark(registration, False, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.DONE
    assert item.completion == PlanItem.Completion.MANUAL


def test_an_event_already_attended_is_done_when_added(
    plan, registration, django_capture_on_commit_callbacks
):
    _mark(registration, True, django_capture_on_commit_callbacks)

    item = plan_item_add_event(plan=plan, event=registration.event)

    assert item.status == PlanItem.Status.DONE
    assert item.certificate is not None


def test_attendance_does_not_touch_a_completed_plan(
    teacher_a, registration, django_capture_on_commit_callbacks
):
    closed = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.COMPLETED
    )
    item = PlanItemFactory(plan=closed, event=registration.event, status=PlanItem.Status.CANCELLED)

    _mark(registration, True, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.CANCELLED


def test_another_teachers_attendance_does_not_complete_the_item(
    plan, registration, started_event, django_capture_on_commit_callbacks
):
    item = plan_item_add_event(plan=plan, event=started_event)
    other = RegistrationFactory(event=started_event)

    _mark(other, True, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_only_a_registered_event_can_be_added(plan):
    event = EventFactory()

    with pytest.raises(PlansError, match="зарегистрируйтесь"):
        plan_item_add_event(plan=plan, event=event)


def test_a_cancelled_registration_cannot_be_added(plan, teacher_a):
    event = EventFactory()
    registration = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    registration_cancel(registration=registration)

    with pytest.raises(PlansError):
        plan_item_add_event(plan=plan, event=event)
    assert Registration.objects.get(pk=registration.pk).status == Registration.Status.CANCELLED


def test_the_same_event_is_added_once(plan, registration):
    plan_item_add_event(plan=plan, event=registration.event)

    with pytest.raises(PlansError, match="уже есть"):
        plan_item_add_event(plan=plan, event=registration.event)
