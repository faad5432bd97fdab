"""Demo municipality: schools of every category, their teachers and the first logins."""

import random
from datetime import datetime

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, DemoLogin, demo_user
from accounts.roles import Role
from core.dates import current_academic_year
from schools.models import School, Subject, Teacher
from schools.services import school_set_category

SUBJECTS = [
    "Русский язык",
    "Литература",
    "Математика",
    "Информатика",
    "Физика",
    "Химия",
    "Биология",
    "География",
    "История",
    "Обществознание",
    "Английский язык",
    "Физическая культура",
    "Начальные классы",
]

SETTLEMENTS = [
    ("Тобольск", School.Locality.URBAN),
    ("Тобольск", School.Locality.URBAN),
    ("Тобольск", School.Locality.URBAN),
    ("с. Абалак", School.Locality.RURAL),
    ("с. Загвоздино", School.Locality.RURAL),
    ("с. Бизино", School.Locality.RURAL),
    ("с. Сетово", School.Locality.RURAL),
    ("п. Сумкино", School.Locality.URBAN),
]

# 24 schools: 4 leaders, 7 low-result, 5 unfavourable conditions, 8 regular.
CATEGORIES = (
    [School.Category.LEADER] * 4
    + [School.Category.LOW_RESULTS] * 7
    + [School.Category.UNFAVOURABLE] * 5
    + [School.Category.REGULAR] * 8
)

MALE = (
    ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов"]
    + ["Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев"]
    + ["Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев"]
    + ["Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев"]
)
MALE_NAMES = ["Александр", "Сергей", "Андрей", "Дмитрий", "Алексей", "Михаил", "Игорь", "Олег"]
FEMALE_NAMES = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Марина"]
FEMALE_NAMES += ["Анна", "Юлия", "Галина", "Людмила", "Валентина", "Надежда", "Венера"]
FATHERS = ["Александров", "Сергеев", "Николаев", "Викторов", "Владимиров", "Петров", "Иванов"]
FATHERS += ["Михайлов", "Юрьев", "Анатольев", "Геннадьев", "Васильев"]


def person(rng):
    """A Russian surname, name and patronymic that agree in gender."""
    surname = rng.choice(MALE)
    father = rng.choice(FATHERS)
    if rng.random() < 0.8:  # most teachers are women
        return surname + "а", rng.choice(FEMALE_NAMES), father + "на"
    return surname, rng.choice(MALE_NAMES), father + "ич"


def load(*, stdout):
    rng = random.Random(2026)
    year = current_academic_year()
    subjects = [
        Subject.objects.get_or_create(name=name, defaults={"order": i})[0]
        for i, name in enumerate(SUBJECTS)
    ]
    schools = []
    for number, category in enumerate(CATEGORIES, start=1):
        settlement, locality = SETTLEMENTS[number % len(SETTLEMENTS)]
        kind = "СОШ" if number % 5 else "гимназия"
        short = f"МАОУ {kind} № {number}" if kind == "СОШ" else f"МАОУ «Гимназия № {number}»"
        director = person(rng)
        school, _ = School.objects.get_or_create(
            short_name=short,
            defaults={
                "full_name": f"Муниципальное автономное общеобразовательное учреждение "
                f"«{'Средняя общеобразовательная школа' if kind == 'СОШ' else 'Гимназия'} "
                f"№ {number}»",
                "settlement": settlement,
                "locality": locality,
                "address": f"{settlement}, ул. Школьная, {number}",
                "director_name": " ".join(director),
                "email": f"school{number}@demo.imc.local",
            },
        )
        # History: the category three years back; two low-result schools climbed out.
        past = School.Category.LOW_RESULTS if number in (17, 18) else category
        for offset in (2, 1, 0):
            school_set_category(
                school=school, year=year - offset, category=past if offset else category
            )
        schools.append(school)

    for school in schools:
        if school.teachers.exists():
            continue
        for _ in range(rng.randint(12, 22)):
            last, first, middle = person(rng)
            teacher, created = Teacher.objects.get_or_create(
                school=school,
                last_name=last,
                first_name=first,
                patronymic=middle,
                defaults={
                    "qualification": rng.choice(Teacher.Qualification.values),
                    "teaches_grade_9": rng.random() < 0.3,
                    "teaches_grade_11": rng.random() < 0.2,
                    "uses_online_platforms": rng.random() < 0.6,
                },
            )
            if created:
                teacher.subjects.set(rng.sample(subjects, rng.randint(1, 2)))

    low = School.objects.get(short_name="МАОУ СОШ № 6")
    leader = School.objects.get(short_name="МАОУ СОШ № 1")
    logins = [
        _municipal("metodist", Role.METHODOLOGIST, ("Кравцова", "Анна", "Сергеевна")),
        _municipal("koordinator", Role.COORDINATOR, ("Белов", "Игорь", "Петрович")),
        _school_login("direktor", Role.DIRECTOR, low, ("Гарипова", "Венера", "Раисовна")),
        _school_login("direktor2", Role.DIRECTOR, leader, ("Шульц", "Ольга", "Ивановна")),
        _school_login("uchitel", Role.TEACHER, low, ("Лаптева", "Мария", "Андреевна")),
        # A leader school's teacher: the seats reserved for supported schools are not hers.
        _school_login("uchitel2", Role.TEACHER, leader, ("Орлова", "Наталья", "Викторовна")),
    ]
    _backdate_registry(schools, year - 2)
    stdout.write(f"Школ: {School.objects.count()}, учителей: {Teacher.objects.count()}")
    return logins


def _backdate_registry(schools, year):
    """The demo registry was kept from the first demo year on, so that the reports of past
    periods, which count teachers as the registry's history records them, find them."""
    first_day = timezone.make_aware(datetime(year, 9, 1, 9))
    Teacher.history.filter(
        history_type="+", school_id__in=[s.pk for s in schools], history_date__gt=first_day
    ).update(history_date=first_day)


def _municipal(username, role, names):
    last, first, middle = names
    demo_user(username=username, role=role, last_name=last, first_name=first, patronymic=middle)
    return DemoLogin(role.label, username, DEMO_PASSWORD, "")


def _school_login(username, role, school, names):
    last, first, middle = names
    user = demo_user(
        username=username, role=role, last_name=last, first_name=first, patronymic=middle
    )
    position = "директор" if role == Role.DIRECTOR else "учитель"
    teacher, _ = Teacher.objects.get_or_create(
        school=school,
        last_name=last,
        first_name=first,
        patronymic=middle,
        defaults={"position": position, "user": user, "uses_online_platforms": True},
    )
    if teacher.user_id != user.pk:
        teacher.user = user
        teacher.save(update_fields=["user"])
    return DemoLogin(role.label, username, DEMO_PASSWORD, school.short_name)
