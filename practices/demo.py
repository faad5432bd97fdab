"""A demo bank of practices and a lively discussion in one methodical association.

Everything goes through the services; a second run finds the bank filled and adds nothing.
"""

from django.core.files.base import ContentFile

from accounts.models import User
from network.models import Activity, MethodicalAssociation, RiskFactor
from practices.models import Practice
from practices.services.bank import (
    practice_create,
    practice_mark_useful,
    practice_publish,
    practice_return,
    practice_submit,
)
from practices.services.discussion import post_comment, post_create
from schools.models import School, Subject, Teacher

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
K = Practice.Kind

# title, kind, subject, classes, form, description, state
PRACTICES = [
    (
        "Школа молодого учителя: сопровождение педагогов первых лет работы",
        K.PRACTICE,
        None,
        (None, None),
        Activity.Form.MENTORING,
        "Как опытные учителя школы-лидера помогают молодым коллегам: посещение уроков, "
        "разбор трудных ситуаций, совместное планирование.",
        "published",
    ),
    (
        "Подготовка к ОГЭ по математике в малых группах",
        K.METHODICAL,
        "Математика",
        (8, 9),
        Activity.Form.JOINT_CURRICULA,
        "Методическая разработка занятий в малых группах по уровню подготовки учеников; "
        "диагностические работы и карты индивидуального прогресса.",
        "published",
    ),
    (
        "Урок-исследование «Функции вокруг нас»",
        K.LESSON_PLAN,
        "Математика",
        (7, 7),
        Activity.Form.LESSON_VISITS,
        "Конспект открытого урока с исследовательскими заданиями и листом самооценки.",
        "published",
    ),
    (
        "Смысловое чтение на уроках русского языка",
        K.PRESENTATION,
        "Русский язык",
        (5, 6),
        Activity.Form.SEMINAR,
        "Презентация семинара: приёмы работы с текстом, которые повышают читательскую "
        "грамотность учащихся.",
        "published",
    ),
    (
        "Положение о внутришкольной системе оценки качества образования",
        K.REGULATION,
        None,
        (None, None),
        Activity.Form.COMMON_ASSESSMENT,
        "Нормативный документ школы-лидера с едиными критериями оценивания.",
        "published",
    ),
    (
        "Совместное родительское собрание «Как помочь ребёнку готовиться к экзаменам»",
        K.PRACTICE,
        None,
        (9, 11),
        Activity.Form.PARENT_MEETING,
        "Сценарий и материалы собрания, проведённого двумя школами вместе.",
        "submitted",
    ),
    (
        "Видеозапись мастер-класса по формирующему оцениванию",
        K.VIDEO,
        "Математика",
        (5, 9),
        Activity.Form.SEMINAR,
        "Запись мастер-класса: как учителю давать ученикам обратную связь на уроке.",
        "returned",
    ),
]

POSTS = [
    (
        "Коллеги, как вы организуете повторение перед ОГЭ во втором полугодии? "
        "У нас два урока в неделю и очень разный уровень в классе.",
        [
            "Делим класс на три группы и чередуем задания; разработка есть в банке практик.",
            "Спасибо! Посмотрю и расскажу на заседании, что получилось.",
        ],
    ),
    (
        "Напоминаю: на следующем заседании обсуждаем итоги пробного ОГЭ. "
        "Принесите, пожалуйста, сводные таблицы по своим классам.",
        [],
    ),
]


def _pdf(title):
    return ContentFile(PDF, name=f"{title[:60]}.pdf")


def _author(school, subject_name):
    teachers = school.teachers.exclude(position="директор").order_by("pk")
    if subject_name:
        teachers = teachers.filter(subjects__name=subject_name) or teachers
    return teachers.first()


def load(*, stdout):
    metodist = User.objects.filter(username="metodist").first()
    if metodist is None:
        stdout.write("Банк практик: нет методиста, практики не созданы")
        return []
    if not Practice.objects.exists():
        _bank(metodist)
    _discussion()
    stdout.write(
        f"Банк практик: {Practice.objects.published().count()} опубликовано, "
        f"{Practice.objects.exclude(state='published').count()} на проверке и в работе"
    )
    return []


def _bank(metodist):
    leaders = list(School.objects.filter(category=School.Category.LEADER).order_by("sort_name"))
    if not leaders:
        return
    risk = RiskFactor.objects.order_by("order").first()
    readers = list(User.objects.filter(role__in=["teacher", "director"]).order_by("pk")[:6])
    for number, (title, kind, subject_name, grades, form, text, state) in enumerate(PRACTICES):
        school = leaders[number % len(leaders)]
        author = _author(school, subject_name)
        if author is None:
            continue
        subjects = Subject.objects.filter(name=subject_name) if subject_name else []
        practice = practice_create(
            by=metodist,
            school=school,
            authors=[author],
            subjects=list(subjects),
            upload=_pdf(title),
            title=title,
            kind=kind,
            description=text,
            grade_from=grades[0],
            grade_to=grades[1],
            form=form,
            risk_factor=risk if number % 2 else None,
        )
        practice_submit(practice=practice, by=metodist)
        if state == "published":
            practice = practice_publish(practice=practice, by=metodist, comment="Опубликовано.")
            for reader in readers[: len(PRACTICES) - number]:
                practice_mark_useful(practice=practice, by=reader)
        elif state == "returned":
            practice_return(
                practice=practice, by=metodist, comment="Добавьте описание хода мастер-класса."
            )


def _discussion():
    association = (
        MethodicalAssociation.objects.filter(name="ММО учителей математики")
        .select_related("leader__user")
        .first()
    )
    if association is None or association.posts.exists():
        return
    # The demo teacher of a low-results school takes part, so that her login sees it.
    uchitel = Teacher.objects.filter(user__username="uchitel").first()
    if uchitel is not None:
        association.members.add(uchitel)
    members = [association.leader, *association.members.order_by("pk")]
    users = [teacher.user for teacher in members if teacher.user_id]
    if not users:
        # The demo's teachers mostly have no login: let the leader speak for the members.
        users = list(User.objects.filter(teacher_profile__in=members)) or list(
            User.objects.filter(role="methodologist")[:1]
        )
    people = [*users, *User.objects.filter(username__in=["uchitel", "uchitel2"])]
    for number, (text, answers) in enumerate(POSTS):
        post = post_create(association=association, by=people[number % len(people)], text=text)
        for index, answer in enumerate(answers):
            post_comment(post=post, by=people[(number + index + 1) % len(people)], text=answer)
