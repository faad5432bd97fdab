"""A teacher answers the diagnostics, plans, adds an event; the director approves; the
methodologist marks attendance and the item turns done — in Chromium."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from development.models.plans import DevelopmentPlan, PlanItem
from events.models import Event, Registration
from tests.conftest import log_in, open_menu, switch_user
from tests.development.factories import questionnaire_with
from tests.events.factories import EventFactory

pytestmark = pytest.mark.browser

STATEMENTS = [
    "Освоение инновационных педагогических технологий обучения",
    "Организация электронного и дистанционного обучения",
    "Объективное оценивание образовательных результатов обучающихся",
    "Работа с обучающимися с низкой учебной мотивацией",
]
ANSWERS = ["3", "0", "2", "1"]


def test_teacher_plan_is_approved_and_closed_by_attendance(
    page, teacher_a, director_a, methodologist
):
    _questionnaire, difficulties = questionnaire_with(STATEMENTS, title="Диагностика затруднений")
    event = EventFactory(title="Семинар «Смысловое чтение на уроках»")
    teacher = teacher_a.teacher_profile

    # The teacher answers the questionnaire.
    log_in(page, teacher_a.username)
    open_menu(page, "Развитие педагогов", "Диагностика")
    page.get_by_role("link", name="Ответить на анкету").click()
    for statement, value in zip(STATEMENTS, ANSWERS, strict=True):
        page.get_by_role("group", name=statement).get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Отправить ответы").click()
    page.get_by_text("Ответы сохранены").wait_for()

    # She creates a plan: her three weakest areas are offered and checked.
    page.get_by_role("link", name="К моему плану развития").click()
    page.get_by_role("link", name="Создать план").first.click()
    for text in (STATEMENTS[0], STATEMENTS[2], STATEMENTS[3]):
        assert page.get_by_label(text).is_checked()
    page.get_by_label("Тема самообразования").fill("Формирующее оценивание на уроках литературы")
    page.get_by_role("button", name="Создать план").click()
    page.get_by_text("План создан").wait_for()
    plan = DevelopmentPlan.objects.get(teacher=teacher)
    assert set(plan.difficulties.all()) == {difficulties[0], difficulties[2], difficulties[3]}

    # She registers for a seminar and adds it to the plan from the plan page.
    page.goto(reverse("events:detail", args=[event.pk]))
    page.get_by_role("button", name="Зарегистрироваться").click()
    page.get_by_text("зарегистрирован").first.wait_for()
    open_menu(page, "Развитие педагогов", "Мой план")
    page.get_by_role("link", name=plan.academic_year).click()
    page.get_by_role("button", name=f"Добавить в план: {event.title}").click()
    page.get_by_text("Мероприятие добавлено в план").wait_for()
    page.get_by_role("button", name="Отправить на утверждение").click()
    page.get_by_text("План отправлен на утверждение").wait_for()

    # Her director approves it.
    switch_user(page, director_a.username)
    open_menu(page, "Развитие педагогов", "Планы развития")
    page.get_by_role("link", name=f"Открыть план: {teacher.full_name}").click()
    page.get_by_label("Комментарий для учителя").fill("Утверждаю, удачи!")
    page.get_by_role("button", name="Утвердить план").click()
    page.get_by_text("План утверждён").wait_for()
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.APPROVED

    # The seminar takes place; the methodologist marks her attendance.
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    switch_user(page, methodologist.username)
    page.goto(reverse("events:attendance", args=[event.pk]))
    page.get_by_label(teacher.full_name).check()
    page.get_by_role("button", name="Сохранить посещаемость").click()
    page.get_by_text("Посещаемость сохранена: 1 изменение.").wait_for()
    registration = Registration.objects.get(event=event, teacher=teacher)
    assert registration.attended is True

    # The item in her plan is done by attendance, with the certificate.
    item = PlanItem.objects.get(plan=plan, event=event)
    assert (item.status, item.certificate) == (PlanItem.Status.DONE, registration.certificate)
    switch_user(page, teacher_a.username)
    page.goto(reverse("development:plan_detail", args=[plan.pk]))
    row = page.locator(f"#item-{item.pk}")
    assert row.get_attribute("data-state") == "done"
    assert "по посещению" in row.inner_text()
    assert row.get_by_role("link", name="Сертификат").is_visible()
    assert "Утверждаю, удачи!" in page.content()
