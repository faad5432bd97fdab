"""Teachers' development plans with their items, and answers to the diagnostic questionnaires."""

import datetime

from development.models import (
    Answer,
    DevelopmentPlan,
    Difficulty,
    PlanItem,
    PlanTemplate,
    Questionnaire,
    Response,
)
from scale.builders.base import bulk

P = DevelopmentPlan.Status
I = PlanItem.Status  # noqa: E741
PLAN_STATES = [P.DRAFT, P.SUBMITTED, P.RETURNED, P.APPROVED, P.APPROVED, P.APPROVED, P.COMPLETED]
THEMES = [
    "Формирующее оценивание на уроках математики",
    "Смысловое чтение как основа функциональной грамотности",
    "Проектная деятельность в основной школе",
    "Цифровые образовательные ресурсы на уроке",
    "Подготовка учащихся к ГИА",
]
ITEMS = [
    (PlanItem.Kind.COURSE, "Курсы повышения квалификации «Функциональная грамотность»"),
    (PlanItem.Kind.SEMINAR, "Участие в предметно-методическом семинаре"),
    (PlanItem.Kind.OPEN_LESSON, "Открытый урок для коллег"),
    (PlanItem.Kind.MUTUAL_VISITS, "Взаимопосещение уроков в школе-лидере"),
    (PlanItem.Kind.SELF_EDUCATION, "Изучение методической литературы по теме"),
    (PlanItem.Kind.ATTESTATION, "Аттестация на первую категорию"),
]


def build_plans(region):
    rng = region.rng
    templates = list(PlanTemplate.objects.values_list("pk", flat=True))
    methodologist = region.users.get("metodist")
    teachers = region.all_teacher_ids
    chosen = sorted(rng.sample(teachers, round(len(teachers) * region.sizes.plan_share)))
    rows = []
    for number, teacher in enumerate(chosen):
        status = PLAN_STATES[number % len(PLAN_STATES)]
        year = region.year - 1 if status == P.COMPLETED else region.year
        start = region.moment(datetime.date(year, 9, 15))
        reviewed = status in (P.APPROVED, P.COMPLETED)
        rows.append(
            DevelopmentPlan(
                teacher_id=teacher,
                year=year,
                theme=rng.choice(THEMES),
                goals="Освоить приёмы и применить их на уроках; поделиться опытом с коллегами.",
                template_id=rng.choice(templates) if templates and rng.random() < 0.5 else None,
                status=status,
                submitted_at=start if status != P.DRAFT else None,
                approved_at=start + datetime.timedelta(days=7) if reviewed else None,
                approved_by=methodologist if reviewed else None,
                completed_at=region.moment(datetime.date(year + 1, 6, 1))
                if status == P.COMPLETED
                else None,
            )
        )
    plans = bulk(DevelopmentPlan, rows, region, "development plans")
    items = []
    for plan in plans:
        for kind, title in rng.sample(ITEMS, rng.randint(3, 5)):
            due = datetime.date(plan.year, 10, 1) + datetime.timedelta(days=rng.randint(0, 240))
            done = plan.status == P.COMPLETED or (
                plan.status == P.APPROVED and due < region.today and rng.random() < 0.7
            )
            status = I.DONE if done else I.PLANNED
            if not done and rng.random() < 0.05:
                status = I.CANCELLED
            items.append(
                PlanItem(
                    plan=plan,
                    kind=kind,
                    title=title,
                    due_date=due,
                    status=status,
                    completion=PlanItem.Completion.MANUAL if done else "",
                    completed_at=region.moment(due) if done else None,
                    result="Выполнено, материалы приложены." if done else "",
                    evidence_url="https://disk.region.imc.local/evidence" if done else "",
                )
            )
    bulk(PlanItem, items, region, "plan items")


def build_responses(region):
    rng = region.rng
    questionnaires = list(
        Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT).order_by("pk")
    )
    if not questionnaires:
        return
    teacher_school = {t: s for s, ts in region.teacher_ids.items() for t in ts}
    level = {s.pk: s.category for s in region.schools}
    responses, statements = [], {}
    for questionnaire in questionnaires:
        statements[questionnaire.pk] = list(
            Difficulty.objects.filter(section__questionnaire=questionnaire).values_list(
                "pk", flat=True
            )
        )
        chosen = rng.sample(
            region.all_teacher_ids,
            round(len(region.all_teacher_ids) * region.sizes.response_share),
        )
        answered = region.moment(datetime.date(questionnaire.year, 10, 10))
        for teacher in sorted(chosen):
            responses.append(
                Response(
                    questionnaire=questionnaire,
                    teacher_id=teacher,
                    school_id=teacher_school[teacher],
                    open_answer="" if rng.random() < 0.8 else "Не хватает времени на подготовку.",
                    submitted_at=answered + datetime.timedelta(hours=rng.randint(0, 400)),
                )
            )
    responses = bulk(Response, responses, region, "questionnaire responses")
    scales = {q.pk: q.scale_range for q in questionnaires}
    answers = []
    for response in responses:
        low, high = scales[response.questionnaire_id]
        harder = 1 if level.get(response.school_id) in ("low_results", "unfavourable") else 0
        for difficulty in statements[response.questionnaire_id]:
            value = min(high, max(low, round(rng.triangular(low, high, low + harder))))
            answers.append(Answer(response=response, difficulty_id=difficulty, value=value))
    bulk(Answer, answers, region, "answers")
