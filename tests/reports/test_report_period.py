"""A report of a past period prints that period's facts, whatever changed since."""

import datetime

import time_machine
from django.utils import timezone

from development.models.plans import DevelopmentPlan, PlanItem
from network.models import Stage
from reports.models import Report
from reports.services import report_render_now
from schools.models import School
from schools.services import school_set_category
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory
from tests.monitoring.factories import PeriodFactory
from tests.network.factories import (
    PartnershipFactory,
    add_activity,
    complete,
    open_joint_activity,
    stage,
)
from tests.pdf import pdf_text
from tests.schools.factories import SchoolFactory, TeacherFactory


def flat(text):
    return " ".join(text.split())


def at(*args):
    return time_machine.travel(datetime.datetime(*args, 12, tzinfo=datetime.UTC), tick=False)


def build_the_past_then_change_it():
    with at(2024, 9, 10):
        past = PeriodFactory(year=2024)
        school = SchoolFactory(short_name="МАОУ СОШ № 41", category=School.Category.LOW_RESULTS)
        school_set_category(school=school, year=2024, category=School.Category.LOW_RESULTS)
        teachers = TeacherFactory.create_batch(3, school=school)
        DevelopmentPlanFactory(
            teacher=teachers[0], year=2024, status=DevelopmentPlan.Status.APPROVED
        )
    with at(2026, 1, 15):  # the present: the school climbed out, new teachers, new plans
        PeriodFactory(year=2025)
        school_set_category(school=school, year=2025, category=School.Category.LEADER)
        school.refresh_from_db()
        assert school.category == School.Category.LEADER
        TeacherFactory.create_batch(2, school=school)
        teachers[1].delete()
        DevelopmentPlanFactory(teacher=teachers[2], year=2024)  # a late plan for the past year
        DevelopmentPlanFactory(teacher=teachers[0], year=2025)
    return past, school


def test_past_municipal_report_prints_the_past_after_the_present_changed(db):
    past, _school = build_the_past_then_change_it()

    with at(2026, 2, 1):
        params = {"period": past.pk}
        text = flat(pdf_text(report_render_now(kind=Report.Kind.MUNICIPAL, params=params)))

    assert "2024/2025 учебный год (01.09.2024 – 31.08.2025)" in text
    assert "Данные на 31.08.2025" in text
    assert "— Школа-лидер 0" in text and "— ШНОР 1" in text
    assert "Учителей в реестре 3" in text
    assert "Планов профессионального развития на год 1" in text
    assert "Утверждён (действует) 1" in text
    assert "Учителей без плана на год 2" in text


def test_past_school_report_prints_the_category_and_staff_of_that_year(db):
    past, school = build_the_past_then_change_it()

    with at(2026, 2, 1):
        params = {"school": school.pk, "period": past.pk}
        text = flat(pdf_text(report_render_now(kind=Report.Kind.SCHOOL, params=params)))

    assert "Категория ШНОР" in text
    assert "Учителей в реестре 3" in text
    assert "Данные на 31.08.2025" in text


def test_past_report_prints_the_stages_activities_and_plan_items_of_then(db):
    with at(2024, 9, 10):
        past = PeriodFactory(year=2024)
        partnership = PartnershipFactory(
            starts_on=datetime.date(2024, 9, 1), ends_on=datetime.date(2026, 6, 30)
        )
        first = stage(partnership, Stage.Kind.ACQUAINTANCE)
        done = add_activity(first, due_on=datetime.date(2024, 10, 1))
        late = add_activity(first, title="Методический день", due_on=datetime.date(2025, 3, 1))
        plan = DevelopmentPlanFactory(year=2024, status=DevelopmentPlan.Status.APPROVED)
        finished = PlanItemFactory(plan=plan, due_date=datetime.date(2024, 12, 1))
        PlanItemFactory(plan=plan, due_date=datetime.date(2025, 5, 1))
    with at(2024, 11, 20):  # the clock is frozen: history needs each change at its own time
        complete(done, on=datetime.date(2024, 11, 19))
        finished.status, finished.completed_at = PlanItem.Status.DONE, timezone.now()
        finished.completion = PlanItem.Completion.MANUAL
        finished.save()
    with at(2026, 1, 15):  # since then: stage 1 accepted, the late activity done, items added
        PeriodFactory(year=2025)
        complete(late, on=datetime.date(2026, 1, 14))
        open_joint_activity(partnership)
        PlanItemFactory.create_batch(3, plan=plan, due_date=datetime.date(2025, 6, 1))

    with at(2026, 2, 1):
        text = flat(
            pdf_text(report_render_now(kind=Report.Kind.MUNICIPAL, params={"period": past.pk}))
        )

    assert "1. «Знакомство» 1" in text
    assert "2. «Совместная деятельность по реализации дорожной карты» 0" in text
    assert "Запланировано 2 Выполнено 1 Просрочено 1" in text
    assert "Выполнено пунктов из запланированных 1 / 2 (50 %)" in text
    assert flat(f"{partnership.title} {partnership.leader} Знакомство 1") in text
