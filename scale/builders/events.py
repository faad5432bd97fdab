"""The centre's events over the academic year, registrations to them and attendance."""

import datetime

from events.models import Event, Registration
from scale.builders.base import bulk, bulk_through

K = Event.Kind
R = Registration.Status
TITLES = {
    K.SEMINAR: "Семинар «Формирующее оценивание на уроке»",
    K.MODEL_SEMINAR: "Модельный семинар «Анализ причин низких результатов»",
    K.SUBJECT_SEMINAR: "Предметно-методический семинар учителей математики",
    K.WEBINAR: "Вебинар «Подготовка к ГИА по русскому языку»",
    K.MASTER_CLASS: "Мастер-класс «Смысловое чтение»",
    K.TRAINING: "Тренинг «Профилактика профессионального выгорания»",
    K.CONFERENCE: "Научно-практическая конференция педагогов",
    K.OPEN_LESSON: "Открытый урок по физике",
    K.CONSULTATION: "Консультация для молодых учителей",
    K.METHODICAL_DAY: "Методический день в школе-лидере",
}
KINDS = list(TITLES)
FORMATS = [Event.Format.IN_PERSON] * 3 + [Event.Format.ONLINE, Event.Format.HYBRID]
AUDIENCES = list(Event.Audience.values)


def build_events(region):
    rng = region.rng
    number = round(len(region.schools) * region.sizes.events_per_school)
    hosts = region.schools
    first_day = datetime.date(region.year, 9, 1)
    span = (region.today - first_day).days + 150
    partnerships = [p for p, _ in getattr(region, "partnerships", [])]
    creator = region.users.get("metodist")
    rows = []
    for n in range(number):
        kind = rng.choice(KINDS)
        fmt = rng.choice(FORMATS)
        day = first_day + datetime.timedelta(days=rng.randint(0, max(1, span)))
        starts = region.moment(day, rng.choice([9, 10, 11, 14, 15, 16]))
        past = day < region.today
        status = Event.Status.HELD if past else Event.Status.PUBLISHED
        roll = rng.random()
        if roll < 0.03:
            status = Event.Status.CANCELLED
        elif roll < 0.06 and not past:
            status = Event.Status.DRAFT
        capacity = rng.choice([None, 25, 30, 40, 50, 60])
        host = rng.choice(hosts) if fmt != Event.Format.ONLINE else None
        rows.append(
            Event(
                title=f"{TITLES[kind]} ({n + 1})",
                kind=kind,
                format=fmt,
                description="Программа мероприятия, материалы и запись будут доступны участникам.",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=rng.choice([1, 2, 3])),
                host_school=host,
                venue="актовый зал" if host else "",
                partnership=rng.choice(partnerships)
                if partnerships and rng.random() < 0.1
                else None,
                online_url="https://vks.region.imc.local/room" if fmt != "in_person" else "",
                organiser="Информационно-методический центр",
                audience=rng.choice(AUDIENCES),
                capacity=capacity,
                reserved_seats=5 if capacity and rng.random() < 0.2 else 0,
                status=status,
                created_by=creator,
            )
        )
    events = bulk(Event, rows, region, "events")
    region.events = events
    _subjects(region, events)
    _registrations(region, events)


def _subjects(region, events):
    from schools.models import Subject

    subjects = list(Subject.objects.values_list("pk", flat=True))
    if subjects:
        pairs = [(e.pk, region.rng.choice(subjects)) for e in events if region.rng.random() < 0.6]
        bulk_through(Event.subjects, pairs)


def _registrations(region, events):
    rng = region.rng
    teachers = region.all_teacher_ids
    mean = region.sizes.registrations_per_event
    rows = []
    for event in events:
        if event.status == Event.Status.DRAFT or not teachers:
            continue
        wanted = max(0, min(len(teachers), round(rng.gauss(mean, mean / 4))))
        chosen = rng.sample(teachers, wanted)
        held = event.status == Event.Status.HELD
        seats = event.capacity if event.capacity is not None else len(chosen)
        confirmed = 0
        for number, teacher in enumerate(chosen):
            created = event.starts_at - datetime.timedelta(days=rng.randint(1, 20), minutes=number)
            if rng.random() < 0.05:
                status = R.CANCELLED
            elif confirmed < seats:
                status = R.CONFIRMED
                confirmed += 1
            else:
                status = R.WAITLISTED
            attended = None
            if held and status == R.CONFIRMED:
                attended = rng.random() < 0.85
            rows.append(
                Registration(
                    event=event,
                    teacher_id=teacher,
                    status=status,
                    attended=attended,
                    created_at=created,
                    cancelled_at=created + datetime.timedelta(hours=5)
                    if status == R.CANCELLED
                    else None,
                )
            )
    bulk(Registration, rows, region, "registrations")
