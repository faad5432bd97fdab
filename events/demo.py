"""Demo events: a year of the centre's events around today, with participants.

Rows are written directly (no e-mails are sent), keeping the same invariants as the
services: never more confirmed than the capacity, attendance only for the confirmed.
"""

import random
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import Certificate, ContestApplication, Event, Feedback, Registration
from events.services.seats import Occupancy, has_seat_for
from network.models import MethodicalAssociation, Partnership
from schools.models import School, Subject, Teacher

K = Event.Kind
F = Event.Format
# The demo's contest applications share one stand-in file, written once.
APPLICATION_FILE = "events/applications/demo.pdf"
APPLICATION_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# (title, kind, format, day offset from today, hour, hours long, capacity, subject)
PLAN = [
    (
        "Технология решения заданий ГИА по математике",
        K.WEBINAR,
        F.ONLINE,
        -170,
        15,
        2,
        None,
        "Математика",
    ),
    (
        "Модельный семинар «Анализ причин низких результатов»",
        K.MODEL_SEMINAR,
        F.IN_PERSON,
        -160,
        10,
        4,
        40,
        None,
    ),
    (
        "Мастер-класс «Смысловое чтение на уроках литературы»",
        K.MASTER_CLASS,
        F.IN_PERSON,
        -150,
        14,
        2,
        25,
        "Литература",
    ),
    (
        "Предметно-методический семинар учителей русского языка",
        K.SUBJECT_SEMINAR,
        F.HYBRID,
        -140,
        10,
        3,
        30,
        "Русский язык",
    ),
    (
        "Тренинг «Профилактика профессионального выгорания»",
        K.TRAINING,
        F.IN_PERSON,
        -128,
        13,
        3,
        20,
        None,
    ),
    (
        "Открытый урок «Функции и их графики», 9 класс",
        K.OPEN_LESSON,
        F.IN_PERSON,
        -118,
        9,
        1,
        15,
        "Математика",
    ),
    ("Консультация по подготовке к аттестации", K.CONSULTATION, F.ONLINE, -105, 16, 1, None, None),
    ("Методический день в школе-лидере", K.METHODICAL_DAY, F.IN_PERSON, -95, 9, 6, 35, None),
    (
        "Конференция «Сетевое взаимодействие: опыт и результаты»",
        K.CONFERENCE,
        F.HYBRID,
        -80,
        10,
        5,
        120,
        None,
    ),
    (
        "Зимняя каникулярная школа для учителей ШНОР",
        K.HOLIDAY_SCHOOL,
        F.IN_PERSON,
        -60,
        10,
        52,
        30,
        None,
    ),
    ("Вебинар «Формирующее оценивание на уроке»", K.WEBINAR, F.ONLINE, -45, 15, 2, None, None),
    (
        "Семинар «Наставничество в школе: с чего начать»",
        K.SEMINAR,
        F.IN_PERSON,
        -30,
        14,
        3,
        25,
        None,
    ),
    (
        "Мастер-класс «Цифровые платформы на уроке физики»",
        K.MASTER_CLASS,
        F.HYBRID,
        -14,
        14,
        2,
        20,
        "Физика",
    ),
    (
        "Вебинар «Разбор заданий ОГЭ по русскому языку»",
        K.WEBINAR,
        F.ONLINE,
        -5,
        15,
        2,
        None,
        "Русский язык",
    ),
    (
        "Предметно-методический семинар учителей математики",
        K.SUBJECT_SEMINAR,
        F.IN_PERSON,
        3,
        10,
        3,
        12,
        "Математика",
    ),
    (
        "Консультация «Индивидуальный план профессионального развития»",
        K.CONSULTATION,
        F.ONLINE,
        6,
        16,
        1,
        30,
        None,
    ),
    (
        "Модельный семинар «Дорожная карта партнёрства школ»",
        K.MODEL_SEMINAR,
        F.IN_PERSON,
        10,
        10,
        4,
        30,
        None,
    ),
    (
        "Открытый урок «Химические реакции вокруг нас», 8 класс",
        K.OPEN_LESSON,
        F.IN_PERSON,
        16,
        9,
        1,
        10,
        "Химия",
    ),
    ("Конкурс «Лучший учитель сельской школы»", K.CONTEST, F.IN_PERSON, 40, 10, 6, None, None),
    ("Тренинг «Конструктивный диалог с родителями»", K.TRAINING, F.IN_PERSON, 24, 13, 3, 18, None),
    (
        "Вебинар «ВсОШ: подготовка к муниципальному этапу»",
        K.WEBINAR,
        F.ONLINE,
        31,
        15,
        2,
        None,
        "Обществознание",
    ),
    (
        "Весенняя каникулярная школа «Читательская грамотность»",
        K.HOLIDAY_SCHOOL,
        F.IN_PERSON,
        60,
        10,
        52,
        30,
        "Русский язык",
    ),
    (
        "Методический день «Функциональная грамотность»",
        K.METHODICAL_DAY,
        F.HYBRID,
        75,
        9,
        6,
        40,
        None,
    ),
    (
        "Мастер-класс «Проектная деятельность в начальной школе»",
        K.MASTER_CLASS,
        F.IN_PERSON,
        90,
        14,
        2,
        20,
        "Начальные классы",
    ),
    ("Семинар «Объективность оценивания ВПР»", K.SEMINAR, F.IN_PERSON, 110, 10, 3, 40, None),
    (
        "Конференция «Итоги года сетевого взаимодействия»",
        K.CONFERENCE,
        F.HYBRID,
        150,
        10,
        5,
        150,
        None,
    ),
    (
        "Летняя каникулярная школа для молодых педагогов",
        K.HOLIDAY_SCHOOL,
        F.IN_PERSON,
        180,
        10,
        76,
        25,
        None,
    ),
]

COMMENTS = [
    "Очень полезно, много практических примеров.",
    "Хотелось бы больше времени на вопросы.",
    "Возьму приёмы в свою работу.",
    "",
    "Спасибо организаторам!",
]


def load(*, stdout):
    rng = random.Random(4)
    today = timezone.localdate()
    schools = list(School.objects.order_by("pk"))
    teachers = list(Teacher.objects.select_related("school").exclude(position="директор"))
    if not schools or not teachers:
        return []
    leaders = [s for s in schools if s.category == School.Category.LEADER] or schools
    uchitel = Teacher.objects.filter(user__username="uchitel").first()
    created = 0
    for index, (title, kind, fmt, offset, hour, hours, capacity, subject) in enumerate(PLAN):
        if Event.objects.filter(title=title).exists():
            continue
        created += 1
        starts = timezone.make_aware(datetime.combine(today + timedelta(days=offset), time(hour)))
        host = leaders[index % len(leaders)] if fmt != F.ONLINE else None
        event = Event.objects.create(
            title=title,
            kind=kind,
            format=fmt,
            description=(
                "Мероприятие программы поддержки школ с низкими образовательными "
                "результатами. Приглашаются учителя школ-участниц сетевого взаимодействия."
            ),
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            host_school=host,
            venue=f"{host.short_name}, актовый зал" if host else "",
            online_url="https://vk.com/video/webinar-imc" if fmt != F.IN_PERSON else "",
            organiser="ИМЦ",
            audience=Event.Audience.GRADUATING if kind == K.WEBINAR else Event.Audience.TEACHERS,
            capacity=capacity,
            reserved_seats=capacity // 3 if capacity and offset > 0 else 0,
            reserved_until=starts - timedelta(days=2) if capacity and offset > 0 else None,
            registration_closes_at=starts - timedelta(hours=2),
            status=Event.Status.HELD if offset < -1 else Event.Status.PUBLISHED,
        )
        if subject:
            event.subjects.set(Subject.objects.filter(name=subject))
        _participants(event, rng, teachers, uchitel, offset)
    if created:
        _contest_applications(rng, teachers)
    _link_to_network()
    stdout.write(
        f"Мероприятий: {Event.objects.count()}, регистраций: {Registration.objects.count()}"
    )
    return []


def _link_to_network():
    """Model and subject seminars belong to the network: the demo partnership and the
    first methodical association (set once; a second run finds them set)."""
    partnership = Partnership.objects.order_by("pk").first()
    association = MethodicalAssociation.objects.order_by("pk").first()
    if partnership is not None:
        Event.objects.filter(kind=K.MODEL_SEMINAR, partnership__isnull=True).update(
            partnership=partnership
        )
    if association is not None:
        Event.objects.filter(kind=K.SUBJECT_SEMINAR, association__isnull=True).update(
            association=association
        )


# Upcoming events are about half full, so that there is a seat to take, except two:
# the open lesson is full (the demo teacher waits for a seat), and the model seminar has
# its open seats taken and only those reserved for supported schools free, so that the
# teacher of a leader school (uchitel2) meets the reservation and the demo teacher does not.
FULL_OFFSET = 16
RESERVATION_OFFSET = 10


def _chosen(event, rng, teachers, offset):
    """The teachers who register for a demo event (the demo teacher aside)."""
    if not event.capacity or offset < 0:
        return rng.sample(teachers, min(rng.randint(10, 30), len(teachers)))
    if offset == RESERVATION_OFFSET:
        others = [t for t in teachers if not t.school.is_supported and t.user_id is None]
        return rng.sample(others, min(event.capacity - event.reserved_seats, len(others)))
    wanted = event.capacity + 6 if offset == FULL_OFFSET else event.capacity // 2
    return rng.sample(teachers, min(wanted, len(teachers)))


def _participants(event, rng, teachers, uchitel, offset):
    chosen = _chosen(event, rng, teachers, offset)
    # The demo teacher attends some past events, is registered for the nearest upcoming
    # ones, and waits for a seat at the open lesson, so her pages have something to show.
    if uchitel and uchitel not in chosen:
        if offset in (-150, -140, -45, -5) or 0 < offset < 12:
            chosen.insert(0, uchitel)
        elif offset == FULL_OFFSET:
            chosen.append(uchitel)
    past = offset < 0
    first_at = min(event.starts_at - timedelta(days=10), timezone.now() - timedelta(days=1))
    taken = Occupancy(confirmed=0, confirmed_supported=0)
    for number, teacher in enumerate(chosen):
        supported = teacher.school.is_supported
        confirmed = has_seat_for(event, taken, supported=supported)
        if confirmed:
            taken.take(supported=supported)
        registration = Registration.objects.create(
            event=event,
            teacher=teacher,
            status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
            created_at=first_at + timedelta(minutes=number),
        )
        if past and confirmed:
            _attend(registration, rng, certain=teacher == uchitel)


def _attend(registration, rng, *, certain):
    registration.attended = certain or rng.random() < 0.85
    registration.save(update_fields=["attended"])
    if not registration.attended:
        return
    Certificate.objects.create(registration=registration)
    if rng.random() < 0.6:
        Feedback.objects.create(
            registration=registration,
            rating=rng.choice([5, 5, 4, 4, 3]),
            comment=rng.choice(COMMENTS),
        )


def _contest_applications(rng, teachers):
    contest = Event.objects.filter(kind=K.CONTEST).first()
    if contest is None or contest.applications.exists():
        return
    storage = ContestApplication._meta.get_field("file").storage
    if not storage.exists(APPLICATION_FILE):
        storage.save(APPLICATION_FILE, ContentFile(APPLICATION_PDF))
    for teacher in rng.sample(teachers, min(4, len(teachers))):
        ContestApplication.objects.create(
            event=contest,
            teacher=teacher,
            text="Описание педагогического опыта: система работы с мотивацией учащихся.",
            file=APPLICATION_FILE,
        )
