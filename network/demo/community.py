"""Demo methodical associations and mentorship pairs."""

from datetime import timedelta

from network.models import Mentorship, MethodicalAssociation
from schools.models import School, Subject


def _school(name):
    return School.objects.get(short_name=name)


def _teachers(school, count, subject=None):
    teachers = school.teachers.exclude(position="директор").order_by("pk")
    if subject is not None:
        teachers = teachers.filter(subjects__name=subject) or teachers
    return list(teachers[:count])


def associations():
    plans = [
        (
            "ММО учителей математики",
            "Математика",
            "МАОУ СОШ № 1",
            ["МАОУ СОШ № 6", "МАОУ СОШ № 7", "МАОУ СОШ № 9", "МАОУ СОШ № 11"],
        ),
        (
            "ММО учителей русского языка и литературы",
            "Русский язык",
            "МАОУ СОШ № 3",
            ["МАОУ СОШ № 6", "МАОУ СОШ № 8", "МАОУ СОШ № 9"],
        ),
    ]
    for name, subject_name, leader_school, member_schools in plans:
        if MethodicalAssociation.objects.filter(name=name).exists():
            continue
        subject = Subject.objects.get(name=subject_name)
        leader = _teachers(_school(leader_school), 1, subject_name)[0]
        association = MethodicalAssociation.objects.create(
            name=name,
            leader=leader,
            description=f"Межшкольное методическое объединение: {subject_name.lower()}, "
            "подготовка к ГИА и олимпиадам, обмен опытом.",
        )
        association.subjects.set([subject])
        members = []
        for school_name in member_schools:
            members += _teachers(_school(school_name), 2, subject_name)
        association.members.set(members)


def mentorships(today):
    pairs = [
        (
            "МАОУ СОШ № 1",
            "МАОУ СОШ № 6",
            Mentorship.Kind.MENTORING,
            Mentorship.State.ACTIVE,
            "Подготовка молодого учителя к проведению уроков в 9 классах.",
        ),
        (
            "МАОУ СОШ № 1",
            "МАОУ СОШ № 6",
            Mentorship.Kind.COACHING,
            Mentorship.State.PLANNED,
            "Развитие управленческих компетенций заместителя директора.",
        ),
        (
            "МАОУ СОШ № 3",
            "МАОУ СОШ № 9",
            Mentorship.Kind.TUTORING,
            Mentorship.State.COMPLETED,
            "Сопровождение индивидуального образовательного маршрута педагога.",
        ),
        (
            "МАОУ СОШ № 2",
            "МАОУ СОШ № 7",
            Mentorship.Kind.MENTORING,
            Mentorship.State.ACTIVE,
            "Адаптация учителя физики в первый год работы.",
        ),
    ]
    for number, (mentor_school, mentee_school, kind, state, goal) in enumerate(pairs):
        mentor = _teachers(_school(mentor_school), number + 1)[-1]
        mentee = _teachers(_school(mentee_school), number + 1)[-1]
        if Mentorship.objects.filter(mentor=mentor, mentee=mentee, kind=kind).exists():
            continue
        Mentorship.objects.create(
            mentor=mentor,
            mentee=mentee,
            kind=kind,
            state=state,
            goal=goal,
            starts_on=today - timedelta(days=120 - 20 * number),
            ends_on=today + timedelta(days=120 + 20 * number),
        )
