"""Four demo partnerships, one in each state of the review."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from network.models import Activity, Partnership, RiskFactor, Stage
from network.services import (
    activity_complete,
    activity_create,
    partnership_create,
    problem_create,
    problem_record_outcome,
    roadmap_conclude,
    stage_accept,
    stage_return,
    stage_submit,
)
from schools.models import PartnerOrganisation, School

F = Activity.Form
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

PARTNERS = [
    (
        "ГАОУ ТО ДПО «Тюменский областной государственный институт развития регионального "
        "образования»",
        PartnerOrganisation.Kind.FURTHER_TRAINING,
    ),
    (
        "Тобольский педагогический институт им. Д. И. Менделеева (филиал ТюмГУ)",
        PartnerOrganisation.Kind.UNIVERSITY,
    ),
    ("Тобольский историко-архитектурный музей-заповедник", PartnerOrganisation.Kind.CULTURE),
]


def _school(name):
    return School.objects.get(short_name=name)


def _risk(prefix):
    return RiskFactor.objects.filter(name__startswith=prefix).first()


def _teachers(school, count, subject=None):
    teachers = school.teachers.exclude(position="директор").order_by("pk")
    if subject is not None:
        teachers = teachers.filter(subjects__name=subject) or teachers
    return list(teachers[:count])


def _stage(partnership, kind):
    return partnership.roadmap.stages.get(kind=kind)


def _done(activity, by, result, days_ago, *, file=None, link=""):
    today = timezone.localdate()
    evidence = ContentFile(PDF, name=file) if file else None
    return activity_complete(
        activity=activity,
        by=by,
        result=result,
        completed_on=today - timedelta(days=days_ago),
        evidence_file=evidence,
        evidence_link=link,
    )


def _quiet_for(partnership, days):
    """Date the last change of the activities as if it was made days ago, not by this run."""
    moment = timezone.now() - timedelta(days=days)
    Activity.objects.filter(stage__roadmap=partnership.roadmap).update(updated_at=moment)


def joint_activity(metodist, direktor, direktor2, partners, today):
    """СОШ № 1 helps СОШ № 6 (the demo director's school); stage 2 is under way."""
    if Partnership.objects.filter(agreement_number="ДС-01/2025").exists():
        return
    leader, low = _school("МАОУ СОШ № 1"), _school("МАОУ СОШ № 6")
    partnership = partnership_create(
        leader=leader,
        schools=[low],
        partners=[partners[0]],
        goal="Повышение качества подготовки обучающихся к ГИА по русскому языку и математике "
        "через обмен опытом педагогов и совместные мероприятия.",
        agreement_number="ДС-01/2025",
        agreement_date=today - timedelta(days=155),
        starts_on=today - timedelta(days=150),
        ends_on=today + timedelta(days=215),
        by=metodist,
    )
    roadmap = partnership.roadmap
    staff = _teachers(low, 3, "Математика")
    mentors = _teachers(leader, 2, "Математика")
    p1 = problem_create(
        roadmap=roadmap,
        by=direktor,
        school=low,
        title="Низкие результаты ОГЭ по математике",
        description="В 2024 году 31 % выпускников 9 классов не преодолели минимальный порог.",
        risk_factor=_risk("Высокая доля обучающихся"),
    )
    p2 = problem_create(
        roadmap=roadmap,
        by=direktor,
        school=low,
        title="Недостаточная методическая компетентность молодых учителей",
        risk_factor=_risk("Недостаточная предметная"),
    )
    problem_create(
        roadmap=roadmap,
        by=direktor,
        school=low,
        title="Низкая вовлечённость родителей в учебный процесс",
        risk_factor=_risk("Низкий уровень вовлечённости"),
    )
    first = _stage(partnership, Stage.Kind.ACQUAINTANCE)
    meeting = activity_create(
        stage=first,
        by=direktor2,
        title="Встреча административных команд, знакомство со школой-партнёром",
        form=F.METHODICAL_DAY,
        due_on=today - timedelta(days=130),
        responsible_school=leader,
        responsible_person="Шульц О. И., директор",
    )
    _done(meeting, direktor2, "Проведена встреча, определены три проблемы.", 131)
    stage_submit(stage=first, by=direktor)
    stage_accept(stage=first, by=metodist, comment="Проблемы сформулированы конкретно.")

    second = _stage(partnership, Stage.Kind.JOINT_ACTIVITY)
    plan = [
        ("Взаимопосещение уроков математики в 9 классах", F.LESSON_VISITS, p1, leader, -60),
        ("Семинар «Решение задач второй части ОГЭ»", F.SEMINAR, p1, leader, -35),
        (
            "Единая диагностическая работа по математике в 9 классах",
            F.COMMON_ASSESSMENT,
            p1,
            low,
            -20,
        ),
        ("Наставничество для молодых учителей математики", F.MENTORING, p2, leader, -5),
        (
            "Совместное родительское собрание «Как помочь ребёнку подготовиться к ОГЭ»",
            F.PARENT_MEETING,
            None,
            low,
            25,
        ),
        ("Стажировка учителей СОШ № 6 на базе СОШ № 1", F.INTERNSHIP, p2, leader, 60),
    ]
    created = []
    for title, form, problem, school, offset in plan:
        by = direktor2 if school == leader else direktor
        created.append(
            activity_create(
                stage=second,
                by=by,
                title=title,
                form=form,
                problem=problem,
                due_on=today + timedelta(days=offset),
                responsible_school=school,
                responsible_person="Шульц О. И." if school == leader else "Гарипова В. Р.",
                participants=staff + (mentors if school == leader else []),
            )
        )
    _done(
        created[0],
        direktor2,
        "Посещено 6 уроков, составлены рекомендации по структуре урока.",
        58,
        file="Протокол взаимопосещения.pdf",
    )
    _done(
        created[1],
        direktor2,
        "Семинар провели 2 учителя СОШ № 1, участвовали 5 педагогов СОШ № 6.",
        37,
        link="https://example.org/seminar-oge",
    )
    Activity.objects.filter(pk=created[3].pk).update(state=Activity.State.IN_PROGRESS)
    _quiet_for(partnership, 3)


def acquaintance(metodist, partners, today):
    """СОШ № 2 with two schools and a museum: they are just getting to know each other."""
    if Partnership.objects.filter(agreement_number="ДС-07/2025").exists():
        return
    leader = _school("МАОУ СОШ № 2")
    schools = [_school("МАОУ СОШ № 7"), _school("МАОУ СОШ № 8")]
    partnership = partnership_create(
        leader=leader,
        schools=schools,
        partners=[partners[2]],
        model=Partnership.Model.SOCIAL_PARTNERSHIP,
        goal="Повышение учебной мотивации обучающихся через совместные проекты и "
        "использование ресурсов музея.",
        agreement_number="ДС-07/2025",
        agreement_date=today - timedelta(days=25),
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=345),
        by=metodist,
    )
    problem_create(
        roadmap=partnership.roadmap,
        by=metodist,
        school=schools[0],
        title="Низкая учебная мотивация обучающихся 7–9 классов",
        risk_factor=_risk("Пониженный уровень"),
    )
    problem_create(
        roadmap=partnership.roadmap,
        by=metodist,
        school=schools[1],
        title="Дефицит учителей физики и информатики",
        risk_factor=_risk("Дефицит педагогических"),
    )
    activity_create(
        stage=_stage(partnership, Stage.Kind.ACQUAINTANCE),
        by=metodist,
        title="Экскурсия педагогов по школе-лидеру, знакомство с коллективом",
        form=F.METHODICAL_DAY,
        due_on=today + timedelta(days=7),
        responsible_school=leader,
    )
    _quiet_for(partnership, 12)


def reflection(metodist, today):
    """СОШ № 3 and СОШ № 9 reached the last stage; the summary waits for review."""
    if Partnership.objects.filter(agreement_number="ДС-03/2024").exists():
        return
    leader, low = _school("МАОУ СОШ № 3"), _school("МАОУ СОШ № 9")
    partnership = partnership_create(
        leader=leader,
        schools=[low],
        model=Partnership.Model.NETWORK_PROGRAMMES,
        goal="Совместная реализация программы внеурочной деятельности по русскому языку.",
        agreement_number="ДС-03/2024",
        agreement_date=today - timedelta(days=340),
        starts_on=today - timedelta(days=330),
        ends_on=today + timedelta(days=30),
        by=metodist,
    )
    roadmap = partnership.roadmap
    problem = problem_create(
        roadmap=roadmap,
        by=metodist,
        school=low,
        title="Низкая доля участников ВсОШ по русскому языку",
        risk_factor=_risk("Высокая доля обучающихся"),
    )
    first = _stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=metodist)
    stage_accept(stage=first, by=metodist)
    second = _stage(partnership, Stage.Kind.JOINT_ACTIVITY)
    for title, form, offset in [
        ("Сетевой элективный курс «Трудные вопросы орфографии»", F.JOINT_CURRICULA, -200),
        ("Совместная олимпиада по русскому языку для 8–11 классов", F.STUDENT_EVENT, -120),
        ("Совместный педагогический совет по итогам года", F.PEDAGOGICAL_COUNCIL, -60),
    ]:
        activity = activity_create(
            stage=second,
            by=metodist,
            title=title,
            form=form,
            problem=problem,
            due_on=today + timedelta(days=offset),
            responsible_school=leader,
        )
        _done(activity, metodist, "Проведено по плану.", -offset + 2)
    stage_submit(stage=second, by=metodist)
    stage_accept(stage=second, by=metodist, comment="Все мероприятия выполнены.")
    problem_record_outcome(
        problem=problem,
        by=metodist,
        outcome="Участников школьного этапа ВсОШ по русскому языку стало 34 вместо 12.",
    )
    roadmap_conclude(
        roadmap=roadmap,
        by=metodist,
        conclusion="Цели дорожной карты достигнуты; курс продолжится в сетевой форме.",
    )
    stage_submit(stage=_stage(partnership, Stage.Kind.REFLECTION), by=metodist)
    _quiet_for(partnership, 24)


def on_review(metodist, today):
    """СОШ № 4 with two schools: stage 2 was returned once and is submitted again."""
    if Partnership.objects.filter(agreement_number="ДС-04/2025").exists():
        return
    leader = _school("МАОУ СОШ № 4")
    schools = [_school("МАОУ СОШ № 11"), _school("МАОУ СОШ № 12")]
    partnership = partnership_create(
        leader=leader,
        schools=schools,
        model=Partnership.Model.INNOVATION_INFRASTRUCTURE,
        goal="Распространение опыта формирующего оценивания.",
        agreement_number="ДС-04/2025",
        agreement_date=today - timedelta(days=210),
        starts_on=today - timedelta(days=200),
        ends_on=today + timedelta(days=160),
        by=metodist,
    )
    problem_create(
        roadmap=partnership.roadmap,
        by=metodist,
        school=schools[0],
        title="Несформированность внутришкольной системы оценки качества",
        risk_factor=_risk("Несформированность"),
    )
    first = _stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=metodist)
    stage_accept(stage=first, by=metodist)
    second = _stage(partnership, Stage.Kind.JOINT_ACTIVITY)
    for title, form, school, offset in [
        ("Мастер-класс «Критериальное оценивание на уроке»", F.SEMINAR, leader, -90),
        (
            "Совместное использование компьютерного класса для диагностики",
            F.SHARED_RESOURCES,
            schools[1],
            -40,
        ),
    ]:
        activity = activity_create(
            stage=second,
            by=metodist,
            title=title,
            form=form,
            due_on=today + timedelta(days=offset),
            responsible_school=school,
        )
        _done(activity, metodist, "Выполнено.", -offset - 3)
    stage_submit(stage=second, by=metodist)
    stage_return(
        stage=second,
        by=metodist,
        comment="Приложите протокол мастер-класса и список участников.",
    )
    stage_submit(stage=second, by=metodist)
    _quiet_for(partnership, 40)
