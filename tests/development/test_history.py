"""Every change of a plan, an item or a diagnostic answer leaves one history record."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from development.models.plans import DevelopmentPlan, PlanItem
from development.models.questionnaires import Answer, Response
from development.services.plans import (
    plan_approve,
    plan_create,
    plan_item_add,
    plan_item_add_event,
    plan_item_cancel,
    plan_item_complete,
    plan_submit,
    plan_update,
)
from development.services.questionnaires import response_submit
from events.models import Registration
from events.services import attendance_mark
from tests.development.factories import PlanTemplateItemFactory, questionnaire_with
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def _types(history):
    return [r.history_type for r in history.order_by("history_date", "history_id")]


def _item(plan, by, title="Курсы ДИРО"):
    return plan_item_add(
        plan=plan, kind=PlanItem.Kind.COURSE, title=title, due_date=date(2026, 3, 1), by=by
    )


def test_plan_transitions_are_recorded_once_each_with_who(teacher_a, director_a):
    teacher = teacher_a.teacher_profile
    plan = plan_create(teacher=teacher, year=2025, theme="Тема", by=teacher_a)
    plan_update(plan=plan, theme="Новая тема", by=teacher_a)
    _item(plan, teacher_a)
    plan_submit(plan=plan, by=teacher_a)
    plan_approve(plan=plan, by=director_a)

    history = DevelopmentPlan.history.filter(id=plan.pk).order_by("history_date", "history_id")
    assert _types(history) == ["+", "~", "~", "~"]
    assert [r.history_user for r in history] == [teacher_a, teacher_a, teacher_a, director_a]
    assert [r.status for r in history] == ["draft", "draft", "submitted", "approved"]


def test_item_changes_are_recorded_once_each(teacher_a):
    plan = plan_create(teacher=teacher_a.teacher_profile, year=2025, theme="Тема", by=teacher_a)
    item = _item(plan, teacher_a)
    other = _item(plan, teacher_a, title="Стажировка")
    plan_item_complete(item=item, evidence_url="https://example.org/a.pdf", by=teacher_a)
    plan_item_cancel(item=other, by=teacher_a)

    assert _types(PlanItem.history.filter(id=item.pk)) == ["+", "~"]
    assert _types(PlanItem.history.filter(id=other.pk)) == ["+", "~"]
    assert set(PlanItem.history.values_list("history_user", flat=True)) == {teacher_a.pk}


def test_items_from_a_template_have_history_too(teacher_a):
    first = PlanTemplateItemFactory(due_month=11, title="Курсы ДИРО")
    PlanTemplateItemFactory(template=first.template, due_month=2, title="Стажировка")

    plan = plan_create(
        teacher=teacher_a.teacher_profile,
        year=2025,
        theme="Тема",
        template=first.template,
        by=teacher_a,
    )

    items = list(plan.items.values_list("pk", flat=True))
    assert len(items) == 2
    records = PlanItem.history.filter(id__in=items)
    assert _types(records) == ["+", "+"]
    assert {r.history_user for r in records} == {teacher_a}


def test_item_done_by_attendance_names_who_marked_it(teacher_a, methodologist):
    start = timezone.now() - timedelta(days=1)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    teacher = teacher_a.teacher_profile
    registration = Registration.objects.create(
        event=event, teacher=teacher, status=Registration.Status.CONFIRMED
    )
    plan = plan_create(teacher=teacher, year=2025, theme="Тема", by=teacher_a)
    item = plan_item_add_event(plan=plan, event=event, by=teacher_a)

    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        attendance_mark(registration=registration, attended=True, by=methodologist)

    history = PlanItem.history.filter(id=item.pk).order_by("history_date", "history_id")
    assert [(r.history_type, r.status) for r in history] == [("+", "planned"), ("~", "done")]
    assert history.last().history_user == methodologist


def test_answers_of_a_questionnaire_have_history(teacher_a):
    questionnaire, statements = questionnaire_with(["Первое", "Второе", "Третье"])

    response = response_submit(
        questionnaire=questionnaire,
        teacher=teacher_a.teacher_profile,
        answers={d.pk: 2 for d in statements},
    )

    assert _types(Response.history.filter(id=response.pk)) == ["+"]
    answers = Answer.history.filter(response_id=response.pk)
    assert _types(answers) == ["+", "+", "+"]
    assert {r.history_user for r in answers} == {teacher_a}


def test_methodologist_reads_the_plan_history_in_russian(login, teacher_a, methodologist):
    plan = plan_create(teacher=teacher_a.teacher_profile, year=2025, theme="Тема", by=teacher_a)
    _item(plan, teacher_a)
    plan_submit(plan=plan, by=teacher_a)

    page = login(methodologist).get(reverse("development:plan_detail", args=[plan.pk]))

    html = page.content.decode()
    assert "История изменений" in html
    assert "Состояние:</strong> Черновик → На утверждении" in html
    assert "Тема самообразования:</strong> — → Тема" in html


def test_teacher_does_not_see_the_audit_trail_of_own_plan(login, teacher_a):
    plan = plan_create(teacher=teacher_a.teacher_profile, year=2025, theme="Тема", by=teacher_a)

    html = login(teacher_a).get(reverse("development:plan_detail", args=[plan.pk])).content
    assert "История изменений" not in html.decode()
