"""Demo development plans in every state, plan templates and answered diagnostics.

Everything goes through the services, so the demo keeps the rules of the real portal.
A second run finds what the first one made and adds nothing.
"""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan, PlanItem, PlanTemplate, PlanTemplateItem
from development.models.questionnaires import Difficulty, Questionnaire, Response, Section
from development.services.plans import (
    plan_approve,
    plan_complete,
    plan_create,
    plan_item_add,
    plan_item_add_event,
    plan_item_complete,
    plan_return,
    plan_submit,
)
from development.services.questionnaires import (
    difficulties_top,
    questionnaire_close,
    questionnaire_open,
    response_submit,
)
from events.models import Registration
from schools.models import Teacher

K = PlanItem.Kind

SECTIONS = [
    (
        "Профессиональная позиция и саморазвитие",
        [
            "Определение собственных потребностей в профессиональном саморазвитии",
            "Выбор темы самообразования и планирование профессионального развития",
            "Обобщение и трансляция собственного педагогического опыта",
        ],
    ),
    (
        "Педагогические технологии",
        [
            "Освоение инновационных педагогических технологий обучения",
            "Проектирование индивидуальных образовательных траекторий обучающихся",
            "Внедрение эффективных педагогических практик в образовательный процесс",
            "Подготовка обучающихся к государственной итоговой аттестации (ГИА)",
        ],
    ),
    (
        "Информационная среда и сетевое взаимодействие",
        [
            "Использование информационных технологий и средств электронной среды на уроке",
            "Организация электронного и дистанционного обучения",
            "Участие в сетевом взаимодействии, наставничестве и консультировании в сети",
        ],
    ),
    (
        "Оценивание и воспитание",
        [
            "Объективное оценивание образовательных результатов обучающихся",
            "Работа с обучающимися с низкой учебной мотивацией",
            "Взаимодействие с родителями обучающихся",
        ],
    ),
]

TEMPLATES = [
    (
        "Для учителей выпускных классов школ с низкими результатами",
        "Подготовка обучающихся к ГИА: технологии решения заданий и объективное оценивание",
        [
            (K.COURSE, "Курсы повышения квалификации по подготовке к ГИА (ДИРО)", 11),
            (K.SEMINAR, "Вебинары ИМЦ по технологии решения заданий ГИА", 2),
            (K.MUTUAL_VISITS, "Взаимопосещение уроков учителей школы-лидера", 12),
            (K.INTERNSHIP, "Стажировка в школе-лидере", 3),
            (K.SELF_EDUCATION, "Самообразование: разбор заданий ОГЭ и ЕГЭ прошлых лет", 5),
        ],
    ),
    (
        "Для молодых педагогов",
        "Формирование профессиональных компетенций молодого учителя",
        [
            (K.MENTORING, "Наставничество: план работы с наставником", 10),
            (K.OPEN_LESSON, "Открытый урок для коллег школы", 2),
            (K.MASTER_CLASS, "Участие в мастер-классе учителя-наставника", 12),
            (K.SELF_EDUCATION, "Самообразование: изучение методической литературы", 4),
        ],
    ),
]

THEMES = [
    "Формирование функциональной грамотности обучающихся на уроках",
    "Смысловое чтение как условие повышения качества образования",
    "Использование цифровых образовательных платформ на уроке",
    "Формирующее оценивание в основной школе",
    "Работа с обучающимися с низкой учебной мотивацией",
]


def load(*, stdout):
    school_teachers = list(
        Teacher.objects.select_related("school").exclude(user__role=Role.DIRECTOR)
    )
    if not school_teachers:
        return []
    rng = random.Random(6)
    year = current_academic_year()
    methodologist = User.objects.filter(role=Role.METHODOLOGIST).order_by("pk").first()
    templates = _templates()
    _questionnaire(rng, year - 1, school_teachers, close=True, with_uchitel=True)
    _questionnaire(rng, year, school_teachers, close=False, with_uchitel=False)
    director = User.objects.filter(username="direktor").first()
    uchitel = Teacher.objects.filter(user__username="uchitel").first()
    if uchitel is not None and director is not None:
        _uchitel_plans(uchitel, director, year)
        colleagues = uchitel.school.teachers.exclude(pk=uchitel.pk).exclude(
            user__role=Role.DIRECTOR
        )
        _colleague_plans(list(colleagues.order_by("last_name", "pk")), director, templates, year)
    if methodologist is not None:
        others = [t for t in school_teachers if uchitel is None or t.school_id != uchitel.school_id]
        # Its own generator: the same teachers on every run, whatever the steps above drew.
        chosen = random.Random(66).sample(others, min(40, len(others)))
        _colleague_plans(chosen, methodologist, templates, year)
    _backdate_past_plans(year)
    stdout.write(
        f"Планов развития: {DevelopmentPlan.objects.count()}, "
        f"ответов на диагностику: {Response.objects.count()}"
    )
    return []


def _templates():
    templates = []
    for title, theme, items in TEMPLATES:
        template, created = PlanTemplate.objects.get_or_create(
            title=title, defaults={"theme": theme}
        )
        if created:
            PlanTemplateItem.objects.bulk_create(
                PlanTemplateItem(template=template, kind=kind, title=text, due_month=month)
                for kind, text, month in items
            )
        templates.append(template)
    return templates


def _questionnaire(rng, year, teachers, *, close, with_uchitel):
    title = "Диагностика профессиональных затруднений педагогов"
    questionnaire, created = Questionnaire.objects.get_or_create(
        title=title,
        year=year,
        defaults={
            "instructions": "Ваши ответы видят методисты ИМЦ и директор вашей школы. "
            "По результатам диагностики ИМЦ выстраивает методическую поддержку педагогов, "
            "а самые трудные для вас направления предлагаются как цели вашего плана.",
        },
    )
    if not created:
        return questionnaire
    for order, (section_title, statements) in enumerate(SECTIONS):
        section = Section.objects.create(
            questionnaire=questionnaire, title=section_title, order=order
        )
        Difficulty.objects.bulk_create(
            Difficulty(section=section, text=text, order=i) for i, text in enumerate(statements)
        )
    questionnaire_open(questionnaire=questionnaire)
    statements = list(Difficulty.objects.filter(section__questionnaire=questionnaire))
    uchitel = User.objects.filter(username="uchitel").values_list("pk", flat=True).first()
    for teacher in teachers:
        if teacher.user_id is not None and teacher.user_id == uchitel:
            if not with_uchitel:
                continue  # she answers this one herself in the demo
        elif rng.random() > 0.6:
            continue
        # Supported schools find more things hard; each teacher has their own weak spots.
        base = 1.4 if teacher.school.is_supported else 0.7
        answers = {
            d.pk: max(0, min(3, round(rng.gauss(base + (d.pk % 4 - 1.5) * 0.3, 0.8))))
            for d in statements
        }
        response_submit(questionnaire=questionnaire, teacher=teacher, answers=answers)
    if close:
        questionnaire_close(questionnaire=questionnaire)
    return questionnaire


def _uchitel_plans(uchitel, director, year):
    """Last year's completed plan and this year's approved one, closed by real events."""
    if not DevelopmentPlan.objects.filter(teacher=uchitel, year=year - 1).exists():
        plan = plan_create(
            teacher=uchitel,
            year=year - 1,
            theme="Смысловое чтение как условие повышения качества образования",
            by=uchitel.user,
        )
        item = plan_item_add(
            plan=plan,
            kind=K.COURSE,
            title="Курсы повышения квалификации «Смысловое чтение» (ДИРО, 36 ч)",
            due_date=plan_due(year - 1, 12),
        )
        plan_submit(plan=plan, by=uchitel.user)
        plan_approve(plan=plan, by=director, comment="Утверждаю.")
        plan_item_complete(
            item=item,
            result="Удостоверение о повышении квалификации № 1234",
            evidence_url="https://diro.example.org/certificates/1234",
        )
        plan_complete(plan=plan, by=director)
    if DevelopmentPlan.objects.filter(teacher=uchitel, year=year).exists():
        return
    plan = plan_create(
        teacher=uchitel,
        year=year,
        theme="Формирование функциональной грамотности обучающихся на уроках математики",
        goals="Освоить приёмы формирующего оценивания; подготовить открытый урок.",
        difficulties=difficulties_top(teacher=uchitel),
        by=uchitel.user,
    )
    plan_item_add(
        plan=plan,
        kind=K.ATTESTATION,
        title="Аттестация на первую категорию",
        due_date=plan_due(year, 4),
    )
    plan_item_add(
        plan=plan,
        kind=K.OPEN_LESSON,
        title="Открытый урок «Функции и их графики»",
        due_date=plan_due(year, 3),
    )
    plan_submit(plan=plan, by=uchitel.user)
    plan_approve(plan=plan, by=director, comment="Утверждаю. Включите вебинары ИМЦ.")
    start = timezone.now() - timedelta(days=80)
    registrations = (
        Registration.objects.active()
        .filter(teacher=uchitel, event__starts_at__gte=start)
        .select_related("event")
    )
    for registration in registrations.order_by("event__starts_at"):
        plan_item_add_event(plan=plan, event=registration.event)


def _backdate_past_plans(year):
    """Last year's demo plans were written and closed within that year: their history
    says so, for the reports of past periods, which read plans as of the period's end."""
    for past in set(DevelopmentPlan.objects.filter(year__lt=year).values_list("year", flat=True)):
        last_day = timezone.make_aware(timezone.datetime(past + 1, 8, 31, 12))
        late = DevelopmentPlan.history.filter(year=past, history_date__gt=last_day)
        records = list(late.order_by("history_date", "history_id"))
        for step, record in enumerate(records):  # the same order, a minute apart
            moment = last_day - timedelta(minutes=len(records) - step)
            DevelopmentPlan.history.filter(pk=record.pk).update(history_date=moment)


def plan_due(year, month):
    return PlanTemplateItem(due_month=month).due_date(year)


# The states the colleagues' plans are left in, in turn; None means no plan at all.
STATES = [
    DevelopmentPlan.Status.SUBMITTED,
    DevelopmentPlan.Status.APPROVED,
    DevelopmentPlan.Status.DRAFT,
    None,
    DevelopmentPlan.Status.RETURNED,
    DevelopmentPlan.Status.APPROVED,
    DevelopmentPlan.Status.COMPLETED,
    None,
]


def _colleague_plans(teachers, reviewer, templates, year):
    for index, teacher in enumerate(teachers):
        state = STATES[index % len(STATES)]
        if state is None or DevelopmentPlan.objects.filter(teacher=teacher, year=year).exists():
            continue
        template = templates[index % len(templates)]
        plan = plan_create(
            teacher=teacher,
            year=year,
            theme=template.theme if index % 3 else THEMES[index % len(THEMES)],
            template=template,
            difficulties=difficulties_top(teacher=teacher),
            by=teacher.user,
        )
        if state == DevelopmentPlan.Status.DRAFT:
            continue
        plan_submit(plan=plan, by=teacher.user)
        if state == DevelopmentPlan.Status.SUBMITTED:
            continue
        if state == DevelopmentPlan.Status.RETURNED:
            plan_return(
                plan=plan, by=reviewer, comment="Уточните сроки курсов и тему открытого урока."
            )
            continue
        plan_approve(plan=plan, by=reviewer)
        items = list(plan.items.order_by("due_date", "pk"))
        done = items if state == DevelopmentPlan.Status.COMPLETED else items[: index % 3]
        for item in done:
            plan_item_complete(
                item=item,
                result="Выполнено",
                evidence_url=f"https://school.example.org/portfolio/{teacher.pk}/{item.pk}",
            )
        if state == DevelopmentPlan.Status.COMPLETED:
            plan_complete(plan=plan, by=reviewer)
