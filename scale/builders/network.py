"""Partnerships of leader and supported schools, their roadmaps in every stage, activities."""

import datetime

from network.models import (
    Activity,
    Partnership,
    Problem,
    RiskFactor,
    Roadmap,
    Stage,
    StageComment,
)
from scale.builders.base import bulk, bulk_through
from schools.models import School

C = School.Category
S = Stage.State
# How far each roadmap has got: (current stage index or 3 for all accepted, its state).
PROGRESS = [
    (0, S.OPEN),
    (0, S.SUBMITTED),
    (0, S.RETURNED),
    (1, S.OPEN),
    (1, S.OPEN),
    (1, S.SUBMITTED),
    (1, S.RETURNED),
    (2, S.OPEN),
    (2, S.SUBMITTED),
    (3, S.ACCEPTED),
]
PROBLEMS = [
    "Низкая учебная мотивация учащихся",
    "Дефицит педагогических кадров по математике",
    "Низкие результаты ОГЭ по русскому языку",
    "Слабая вовлечённость родителей",
    "Недостаточное оснащение кабинетов",
    "Высокая доля учащихся с трудностями в обучении",
]
ACTIVITIES = [
    "Взаимопосещение уроков математики",
    "Совместный педагогический совет",
    "Методический день для учителей начальных классов",
    "Семинар по формирующему оцениванию",
    "Совместное родительское собрание",
    "Стажировка молодых учителей",
    "Общая олимпиада для учащихся",
]
FORMS = list(Activity.Form.values)
MODELS = list(Partnership.Model.values)


def build_partnerships(region):
    rng = region.rng
    leaders = [s for s in region.schools if s.category == C.LEADER]
    supported = [s for s in region.schools if s.is_supported]
    if not leaders or not supported:
        region.partnerships = []
        return
    groups = []
    index = 0
    while index < len(supported):
        size = rng.choice([1, 1, 1, 2, 2, 3])
        groups.append(supported[index : index + size])
        index += size
    rows, members = [], []
    start = datetime.date(region.year - 1, 9, 1)
    for number, group in enumerate(groups, start=1):
        leader = leaders[number % len(leaders)]
        starts_on = start + datetime.timedelta(days=rng.randint(0, 200))
        rows.append(
            Partnership(
                title=f"{leader.short_name} — {', '.join(s.short_name for s in group)}",
                leader=leader,
                agreement_number=f"РС-{group[0].pk}/{region.year - 1}",
                agreement_date=starts_on,
                model=rng.choice(MODELS),
                goal="Повышение образовательных результатов школы через совместную "
                "методическую работу и обмен опытом",
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=730),
            )
        )
        members.append(group)
    partnerships = bulk(Partnership, rows, region, "partnerships")
    bulk_through(
        Partnership.schools,
        [(p.pk, s.pk) for p, g in zip(partnerships, members, strict=True) for s in g],
    )
    partners = getattr(region, "partners", [])
    if partners:
        bulk_through(
            Partnership.partners,
            [(p.pk, rng.choice(partners).pk) for p in partnerships if rng.random() < 0.4],
        )
    region.partnerships = list(zip(partnerships, members, strict=True))
    _roadmaps(region)


def _roadmaps(region):
    rng = region.rng
    risks = list(RiskFactor.objects.values_list("pk", flat=True))
    methodologist = region.users.get("metodist")
    roadmaps = bulk(
        Roadmap, [Roadmap(partnership=p) for p, _ in region.partnerships], region, "roadmaps"
    )
    stages, problems = [], []
    for number, ((partnership, group), roadmap) in enumerate(
        zip(region.partnerships, roadmaps, strict=True)
    ):
        current, state = PROGRESS[number % len(PROGRESS)]
        for index, kind in enumerate(Stage.ORDER):
            starts = partnership.starts_on + datetime.timedelta(days=120 * index)
            if index < current:
                stage_state = S.ACCEPTED
            elif index == current:
                stage_state = state
            else:
                stage_state = S.LOCKED
            stages.append(
                Stage(
                    roadmap=roadmap,
                    kind=kind,
                    number=index + 1,
                    state=stage_state,
                    starts_on=starts,
                    ends_on=starts + datetime.timedelta(days=110),
                    submitted_at=region.moment(starts + datetime.timedelta(days=100))
                    if stage_state in (S.SUBMITTED, S.RETURNED, S.ACCEPTED)
                    else None,
                    accepted_at=region.moment(starts + datetime.timedelta(days=105))
                    if stage_state == S.ACCEPTED
                    else None,
                )
            )
        for school in group:
            for title in rng.sample(PROBLEMS, 2):
                problems.append(
                    Problem(
                        roadmap=roadmap,
                        school=school,
                        title=title,
                        description="Выявлено на этапе самодиагностики.",
                        risk_factor_id=rng.choice(risks) if risks else None,
                    )
                )
    stages = bulk(Stage, stages, region, "stages")
    problems = bulk(Problem, problems, region, "problems")
    _comments(region, stages, methodologist)
    _activities(region, stages, problems)


def _comments(region, stages, methodologist):
    rows = []
    for stage in stages:
        if stage.state in (S.SUBMITTED, S.RETURNED, S.ACCEPTED):
            rows.append(
                StageComment(
                    stage=stage, action=StageComment.Action.SUBMITTED, created_at=stage.submitted_at
                )
            )
        if stage.state == S.RETURNED:
            rows.append(
                StageComment(
                    stage=stage,
                    author=methodologist,
                    action=StageComment.Action.RETURNED,
                    text="Уточните сроки мероприятий и ответственных.",
                    created_at=stage.submitted_at,
                )
            )
        if stage.state == S.ACCEPTED:
            rows.append(
                StageComment(
                    stage=stage,
                    author=methodologist,
                    action=StageComment.Action.ACCEPTED,
                    created_at=stage.accepted_at,
                )
            )
    bulk(StageComment, rows, region, "stage comments")


def _activities(region, stages, problems):
    rng = region.rng
    by_roadmap = {}
    for problem in problems:
        by_roadmap.setdefault(problem.roadmap_id, []).append(problem)
    leader_of = {p.pk: p.leader_id for p, _ in region.partnerships}
    rows = []
    for stage in stages:
        own = by_roadmap.get(stage.roadmap_id, [])
        for _ in range(rng.randint(2, 4)):
            problem = rng.choice(own) if own and rng.random() < 0.7 else None
            due = stage.starts_on + datetime.timedelta(days=rng.randint(10, 110))
            if stage.state == S.ACCEPTED or (stage.state != S.LOCKED and due < region.today):
                state = rng.choice([Activity.State.DONE] * 5 + [Activity.State.CANCELLED])
                if stage.state != S.ACCEPTED and rng.random() < 0.3:
                    state = Activity.State.PLANNED  # overdue
            elif stage.state == S.LOCKED:
                state = Activity.State.PLANNED
            else:
                state = rng.choice([Activity.State.PLANNED, Activity.State.IN_PROGRESS])
            done = state == Activity.State.DONE
            rows.append(
                Activity(
                    stage=stage,
                    title=rng.choice(ACTIVITIES),
                    form=rng.choice(FORMS),
                    problem=problem,
                    responsible_school_id=problem.school_id
                    if problem
                    else leader_of[stage.roadmap_id],
                    responsible_person="Заместитель директора по УВР",
                    due_on=due,
                    state=state,
                    result="Проведено, участвовали учителя обеих школ." if done else "",
                    completed_on=due if done else None,
                )
            )
    activities = bulk(Activity, rows, region, "roadmap activities")
    pairs = []
    for activity in activities:
        teachers = region.teacher_ids.get(activity.responsible_school_id, [])
        for teacher in rng.sample(teachers, min(len(teachers), rng.randint(0, 3))):
            pairs.append((activity.pk, teacher))
    bulk_through(Activity.participants, pairs)
