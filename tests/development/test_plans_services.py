"""Development plan states: the legal transitions, and the illegal ones refused."""

from datetime import date

import pytest

from development.models.plans import DevelopmentPlan, PlanItem
from development.services.plans import (
    PlansError,
    plan_approve,
    plan_complete,
    plan_create,
    plan_item_add,
    plan_item_cancel,
    plan_item_complete,
    plan_item_delete,
    plan_item_reopen,
    plan_item_update,
    plan_return,
    plan_submit,
    plan_update,
)
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    PlanTemplateItemFactory,
)

pytestmark = pytest.mark.django_db
S = DevelopmentPlan.Status


def _plan(teacher_a, status=S.DRAFT, items=1):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=status)
    PlanItemFactory.create_batch(items, plan=plan)
    return plan


def test_plan_goes_from_draft_through_approval_to_completion(teacher_a, director_a):
    plan = _plan(teacher_a)

    plan_submit(plan=plan, by=teacher_a)
    plan_approve(plan=plan, by=director_a, comment="Утверждаю")
    item = plan.items.get()
    plan_item_complete(item=item, evidence_url="https://example.org/certificate.pdf")
    plan_complete(plan=plan, by=teacher_a)

    plan.refresh_from_db()
    assert plan.status == S.COMPLETED
    assert plan.approved_by == director_a
    assert [c.status for c in plan.comments.all()] == [S.SUBMITTED, S.APPROVED, S.COMPLETED]


def test_returned_plan_can_be_changed_and_submitted_again(teacher_a, director_a):
    plan = _plan(teacher_a, status=S.SUBMITTED)

    plan_return(plan=plan, by=director_a, comment="Уточните сроки курсов")
    plan_update(plan=plan, theme="Смысловое чтение", goals="", by=teacher_a)
    plan_submit(plan=plan, by=teacher_a)

    plan.refresh_from_db()
    assert plan.status == S.SUBMITTED
    assert plan.theme == "Смысловое чтение"
    assert plan.comments.filter(text="Уточните сроки курсов").exists()


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.DRAFT, "approve"),
        (S.RETURNED, "approve"),
        (S.APPROVED, "approve"),
        (S.DRAFT, "return"),
        (S.COMPLETED, "return"),
        (S.SUBMITTED, "submit"),
        (S.APPROVED, "submit"),
        (S.COMPLETED, "submit"),
        (S.DRAFT, "complete"),
        (S.SUBMITTED, "complete"),
        (S.COMPLETED, "complete"),
    ],
)
def test_illegal_transition_is_refused(teacher_a, director_a, status, action):
    plan = _plan(teacher_a, status=status)
    actions = {
        "approve": lambda: plan_approve(plan=plan, by=director_a),
        "return": lambda: plan_return(plan=plan, by=director_a, comment="Нет"),
        "submit": lambda: plan_submit(plan=plan, by=teacher_a),
        "complete": lambda: plan_complete(plan=plan, by=director_a),
    }

    with pytest.raises(PlansError):
        actions[action]()

    plan.refresh_from_db()
    assert plan.status == status


def test_empty_plan_cannot_be_submitted(teacher_a):
    plan = _plan(teacher_a, items=0)

    with pytest.raises(PlansError, match="хотя бы один пункт"):
        plan_submit(plan=plan, by=teacher_a)


def test_return_needs_a_comment(teacher_a, director_a):
    plan = _plan(teacher_a, status=S.SUBMITTED)

    with pytest.raises(PlansError):
        plan_return(plan=plan, by=director_a, comment="  ")


def test_plan_with_planned_items_cannot_be_completed(teacher_a, director_a):
    plan = _plan(teacher_a, status=S.APPROVED, items=2)

    with pytest.raises(PlansError, match="2"):
        plan_complete(plan=plan, by=director_a)


def test_cancelled_items_do_not_hold_completion_back(teacher_a, director_a):
    plan = _plan(teacher_a, status=S.APPROVED)
    plan_item_cancel(item=plan.items.get())

    plan_complete(plan=plan, by=director_a)

    assert DevelopmentPlan.objects.get(pk=plan.pk).status == S.COMPLETED


def test_one_plan_per_teacher_and_year(teacher_a):
    plan = _plan(teacher_a)

    with pytest.raises(PlansError, match="уже есть план"):
        plan_create(teacher=teacher_a.teacher_profile, year=plan.year, theme="Другая тема")


def test_plan_from_a_template_gets_its_items_with_due_dates_in_the_year(teacher_a):
    november = PlanTemplateItemFactory(due_month=11, title="Курсы ДИРО")
    PlanTemplateItemFactory(template=november.template, due_month=2, title="Стажировка")

    plan = plan_create(
        teacher=teacher_a.teacher_profile, year=2025, theme="Тема", template=november.template
    )

    assert [(i.title, i.due_date) for i in plan.items.order_by("due_date")] == [
        ("Курсы ДИРО", date(2025, 11, 30)),
        ("Стажировка", date(2026, 2, 28)),
    ]


def test_items_are_frozen_while_the_plan_is_under_review(teacher_a):
    plan = _plan(teacher_a, status=S.SUBMITTED)

    with pytest.raises(PlansError):
        plan_item_add(
            plan=plan, kind=PlanItem.Kind.COURSE, title="Курсы", due_date=date(2026, 1, 1)
        )
    with pytest.raises(PlansError):
        plan_item_complete(item=plan.items.get(), evidence_url="https://example.org/a.pdf")


def test_approved_plan_takes_new_items_but_cannot_lose_them(teacher_a):
    plan = _plan(teacher_a, status=S.APPROVED)

    item = plan_item_add(
        plan=plan, kind=PlanItem.Kind.OPEN_LESSON, title="Открытый урок", due_date=date(2026, 3, 1)
    )
    with pytest.raises(PlansError, match="только отменить"):
        plan_item_delete(item=item)
    assert plan.items.count() == 2


def test_draft_item_can_be_deleted(teacher_a):
    plan = _plan(teacher_a)

    plan_item_delete(item=plan.items.get())

    assert not plan.items.exists()


def test_manual_completion_needs_evidence(teacher_a):
    plan = _plan(teacher_a, status=S.APPROVED)
    item = plan.items.get()

    with pytest.raises(PlansError, match="файл или"):
        plan_item_complete(item=item, result="Прошла курсы")

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_done_item_can_be_planned_again(teacher_a):
    plan = _plan(teacher_a, status=S.APPROVED)
    item = plan_item_complete(item=plan.items.get(), evidence_url="https://example.org/a.pdf")

    plan_item_reopen(item=item)

    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED
    assert item.completed_at is None


def test_returned_plan_item_gets_a_new_due_date(teacher_a):
    plan = _plan(teacher_a, status=S.RETURNED)
    item = plan.items.get()

    plan_item_update(
        item=item, kind=PlanItem.Kind.COURSE, title="Курсы ДИРО", due_date=date(2027, 2, 1)
    )

    item.refresh_from_db()
    assert (item.title, item.due_date) == ("Курсы ДИРО", date(2027, 2, 1))


def test_items_of_an_approved_plan_are_not_rewritten(teacher_a):
    plan = _plan(teacher_a, status=S.APPROVED)

    with pytest.raises(PlansError):
        plan_item_update(
            item=plan.items.get(), kind=PlanItem.Kind.COURSE, title="Другое", due_date=date.today()
        )


def test_plan_with_planned_items_is_not_completed_and_says_how_many(teacher_a):
    plan = _plan(teacher_a, status=S.APPROVED, items=2)

    with pytest.raises(PlansError, match="В плане ещё 2 невыполненных пункта"):
        plan_complete(plan=plan, by=teacher_a)
