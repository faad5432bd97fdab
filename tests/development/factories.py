"""Factories of development plans and diagnostic questionnaires."""

from datetime import timedelta

import factory
from django.utils import timezone

from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan, PlanItem, PlanTemplate, PlanTemplateItem
from development.models.questionnaires import Difficulty, Questionnaire, Section
from tests.schools.factories import TeacherFactory


class PlanTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTemplate

    title = factory.Sequence(lambda n: f"Шаблон плана № {n}")
    theme = "Подготовка обучающихся к ГИА"


class PlanTemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTemplateItem

    template = factory.SubFactory(PlanTemplateFactory)
    kind = PlanItem.Kind.COURSE
    title = "Курсы повышения квалификации"
    due_month = 11


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    teacher = factory.SubFactory(TeacherFactory)
    year = factory.LazyFunction(current_academic_year)
    theme = "Формирование функциональной грамотности"
    status = DevelopmentPlan.Status.DRAFT
    approved_at = factory.LazyAttribute(
        lambda plan: timezone.now() if plan.status == DevelopmentPlan.Status.APPROVED else None
    )


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(DevelopmentPlanFactory)
    kind = PlanItem.Kind.SEMINAR
    title = factory.Sequence(lambda n: f"Семинар № {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire

    title = factory.Sequence(lambda n: f"Диагностика профессиональных затруднений № {n}")
    year = factory.LazyFunction(current_academic_year)
    status = Questionnaire.Status.OPEN
    scale = Questionnaire.Scale.ZERO_TO_THREE


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    title = "Педагогические технологии"


class DifficultyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Difficulty

    section = factory.SubFactory(SectionFactory)
    text = factory.Sequence(lambda n: f"Освоение педагогической технологии № {n}")
    order = factory.Sequence(int)


def questionnaire_with(statements, **kwargs):
    """An open questionnaire with one section of the given statements; returns it and them."""
    section = SectionFactory(questionnaire=QuestionnaireFactory(**kwargs))
    return section.questionnaire, [
        DifficultyFactory(section=section, text=text, order=i) for i, text in enumerate(statements)
    ]
