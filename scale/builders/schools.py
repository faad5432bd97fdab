"""Schools in the region's real proportions, their category history and their teachers."""

from core.sorting import natural_sort_string
from scale.builders.base import bulk, bulk_through
from schools.demo import person
from schools.models import CategoryRecord, PartnerOrganisation, School, Subject, Teacher

C = School.Category
# Shares of the support categories in a region: most schools ordinary, about one in eight
# with low results (ШНОР), a few in unfavourable social conditions, one in twenty leading.
SHARES = {C.LEADER: 0.05, C.LOW_RESULTS: 0.12, C.UNFAVOURABLE: 0.08}
TOWNS = ["Тобольск", "Ишим", "Ялуторовск", "Заводоуковск", "Тюмень"]
VILLAGES = [
    "с. Абалак", "с. Бизино", "с. Сетово", "с. Загвоздино", "п. Сумкино", "с. Вагай",
    "с. Ярково", "с. Уват", "с. Аромашево", "с. Голышманово", "с. Омутинское", "с. Армизонское",
    "с. Бердюжье", "с. Казанское", "с. Сладково", "с. Викулово", "с. Нижняя Тавда",
    "с. Исетское", "с. Упорово", "с. Юргинское", "с. Байкалово", "с. Дубровное",
]  # fmt: skip
KINDS = [("СОШ", "Средняя общеобразовательная школа")] * 8 + [
    ("ООШ", "Основная общеобразовательная школа"),
    ("Лицей", "Лицей"),
    ("Гимназия", "Гимназия"),
]
QUALIFICATIONS = (
    [Teacher.Qualification.NONE] * 4
    + [Teacher.Qualification.FIRST] * 4
    + [Teacher.Qualification.HIGHEST] * 2
)
PARTNER_KINDS = list(PartnerOrganisation.Kind.values)


def categories(rng, number):
    """``number`` categories in the region's proportions, shuffled by ``rng``."""
    chosen = []
    for category, share in SHARES.items():
        chosen += [category] * round(number * share)
    chosen += [C.REGULAR] * (number - len(chosen))
    chosen = chosen[:number]
    rng.shuffle(chosen)
    return chosen


def build_schools(region):
    rng = region.rng
    existing = School.objects.count()
    number = max(0, region.sizes.schools - existing)
    first = 101
    while School.objects.filter(short_name__contains=f"№ {first}").exists():
        first += 1000
    rows = []
    for offset, category in enumerate(categories(rng, number)):
        n = first + offset
        kind, full_kind = rng.choice(KINDS)
        short = f"МБОУ {kind} № {n}" if kind in ("СОШ", "ООШ") else f"МБОУ «{kind} № {n}»"
        rural = rng.random() < 0.55
        settlement = rng.choice(VILLAGES if rural else TOWNS)
        rows.append(
            School(
                short_name=short,
                sort_name=natural_sort_string(short),
                full_name=f"Муниципальное бюджетное общеобразовательное учреждение "
                f"«{full_kind} № {n}»",
                settlement=settlement,
                locality=School.Locality.RURAL if rural else School.Locality.URBAN,
                address=f"{settlement}, ул. {rng.choice(['Школьная', 'Ленина', 'Мира'])}, "
                f"{rng.randint(1, 60)}",
                director_name=" ".join(person(rng)),
                email=f"school{n}@region.imc.local",
                phone=f"+7 3456 {rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                category=category,
            )
        )
    region.schools = bulk(School, rows, region, "schools")
    records = []
    for school in region.schools:
        for offset in (2, 1, 0):
            category = school.category
            # A few of today's regular schools were low-results two years back.
            if offset and category == C.REGULAR and rng.random() < 0.06:
                category = C.LOW_RESULTS
            records.append(
                CategoryRecord(school=school, year=region.year - offset, category=category)
            )
    bulk(CategoryRecord, records, region, "category records")
    _partner_organisations(region)


def _partner_organisations(region):
    rng = region.rng
    taken = set(PartnerOrganisation.objects.values_list("name", flat=True))
    names = [
        "Детская школа искусств", "Спортивная школа олимпийского резерва", "Краеведческий музей",
        "Центральная библиотека", "Дом детского творчества", "Педагогический институт",
        "Институт развития образования", "Агрофирма", "Станция юных техников", "Кванториум",
    ]  # fmt: skip
    rows = []
    for n in range(max(3, len(region.schools) // 20)):
        name = f"{names[n % len(names)]} № {n + 1}"
        if name in taken:
            continue
        rows.append(
            PartnerOrganisation(
                name=name,
                kind=rng.choice(PARTNER_KINDS),
                settlement=rng.choice(TOWNS + VILLAGES),
                contact_person=" ".join(person(rng)),
            )
        )
    region.partners = bulk(PartnerOrganisation, rows, region, "partner organisations")


def build_teachers(region):
    rng = region.rng
    subjects = list(Subject.objects.order_by("order", "pk").values_list("pk", flat=True))
    rows = []
    for school in region.schools:
        names = set()
        size = max(1, round(rng.gauss(region.sizes.teachers_per_school, 4)))
        while len(names) < size:
            names.add(person(rng))
        for last, first, middle in sorted(names):
            rows.append(
                Teacher(
                    school=school,
                    last_name=last,
                    first_name=first,
                    patronymic=middle,
                    position="учитель",
                    qualification=rng.choice(QUALIFICATIONS),
                    teaches_grade_9=rng.random() < 0.3,
                    teaches_grade_11=rng.random() < 0.2,
                    uses_online_platforms=rng.random() < 0.6,
                )
            )
    teachers = bulk(Teacher, rows, region, "teachers")
    pairs = []
    for teacher in teachers:
        region.teacher_ids.setdefault(teacher.school_id, []).append(teacher.pk)
        if subjects:
            for subject in rng.sample(subjects, min(len(subjects), rng.randint(1, 2))):
                pairs.append((teacher.pk, subject))
    bulk_through(Teacher.subjects, pairs)
    region.all_teacher_ids = [t.pk for t in teachers]
