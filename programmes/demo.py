"""Demo programmes: three supported schools at different states, with «metodist» as curator.

The demo director's school has an accepted programme with its entry monitoring (two of its
measures move indicators of the monitoring, whose approved values the next stages take); a second
school's profile and programme wait for the curator; a third school is filling its profile.
Everything goes through the services; a second run finds what the first made.
"""

import datetime

from accounts.models import User
from core.dates import current_academic_year
from network.models import Activity, RiskFactor
from programmes import services
from programmes.indicators import catalogue_indicator
from programmes.models import Curatorship, Measure, Module, MonitoringRound, RiskProfile
from schools.models import School

# (title, module, month of the deadline, indicator in words, monitoring indicator, target)
MEASURES = [
    (
        "Методический день «Подготовка к ГИА по математике»",
        Module.TEACHING,
        11,
        "Доля сдавших ГИА",
        "gia_passed_share",
        92,
    ),
    ("Взаимопосещение уроков с педагогами школы-лидера", Module.TEACHING, 12, "", "", None),
    (
        "Внутришкольная система оценки качества: график диагностик",
        Module.ASSESSMENT,
        1,
        "",
        "",
        None,
    ),
    (
        "Индивидуальные планы профессионального развития учителей",
        Module.MANAGEMENT,
        10,
        "Доля учителей с ИППР",
        "teachers_plan_approved_share",
        80,
    ),
    (
        "Родительский всеобуч «Как помочь ребёнку учиться»",
        Module.PARENTS,
        2,
        "Доля родителей на собраниях",
        "",
        60,
    ),
]


def load(*, stdout):
    curator = User.objects.filter(username="metodist").first()
    director = User.objects.filter(username="direktor").first()
    if curator is None:
        return []
    year = current_academic_year()
    own = School.objects.filter(short_name="МАОУ СОШ № 6").first()
    others = list(
        School.objects.filter(
            category__in=[School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE]
        )
        .exclude(pk=getattr(own, "pk", None))
        .order_by("sort_name")[:2]
    )
    schools = [s for s in [own, *others] if s is not None]
    for school in schools:
        Curatorship.objects.get_or_create(school=school, defaults={"curator": curator})
    states = ["accepted", "submitted", "draft"]
    for school, state in zip(schools, states, strict=False):
        if RiskProfile.objects.filter(school=school, year=year).exists():
            continue
        _build(school, year, state, by=director if school == own else None, curator=curator)
    stdout.write(f"Программ школ: {RiskProfile.objects.filter(year=year).count()}")
    return []


def _build(school, year, state, *, by, curator):
    profile = services.programme_start(school=school, year=year, by=by)
    factors = list(RiskFactor.objects.order_by("order"))
    chosen = {factors[i].pk for i in (1, 4, 5) if i < len(factors)}
    rows = {
        factor.pk: {
            "level": "high" if factor.pk in chosen else "low",
            "justification": (
                "Самодиагностика выявила риск: результаты ГИА и анкетирования педагогов"
                if factor.pk in chosen
                else "Риск не выявлен"
            ),
            "applies": factor.pk in chosen,
        }
        for factor in factors
    }
    if state == "draft":
        rows = dict(list(rows.items())[:6])
    services.profile_update(profile=profile, by=by, rows=rows)
    if state == "draft":
        return
    programme = profile.programme
    services.programme_update(
        programme=programme,
        by=by,
        goal="Переход школы в эффективный режим работы: повышение качества образовательных "
        "результатов через развитие кадрового потенциала и партнёрство со школой-лидером",
    )
    activity = Activity.objects.filter(responsible_school=school).first()
    for index, risk in enumerate(programme.risks.select_related("assessment__risk_factor")):
        services.risk_update(
            risk=risk,
            by=by,
            goal=f"Снизить риск «{risk.assessment.risk_factor.name.lower()}»",
            tasks="Провести диагностику; организовать методическую поддержку; оценить результат",
        )
        for offset in (0, 1):
            title, module, month, indicator, code, target = MEASURES[
                (index * 2 + offset) % len(MEASURES)
            ]
            services.measure_create(
                risk=risk,
                by=by,
                title=title,
                module=module,
                due_on=datetime.date(year + (month < 9), month, 20),
                responsible="Заместитель директора по УВР",
                indicator=indicator,
                indicator_code=code if code and catalogue_indicator(code) else "",
                target=target,
                activity=activity if index == 0 and offset == 0 else None,
            )
    services.profile_submit(profile=profile, by=by)
    services.programme_submit(programme=programme, by=by)
    if state == "submitted":
        return
    services.profile_accept(profile=profile, by=curator, comment="Профиль обоснован")
    services.programme_accept(programme=programme, by=curator, comment="Программа принята")
    measures = Measure.objects.filter(risk__programme=programme).order_by("pk")
    services.monitoring_enter(
        programme=programme,
        stage=MonitoringRound.Stage.ENTRY,
        by=by,
        rows={
            m.pk: {
                "state": Measure.State.IN_PROGRESS,
                "value": 70 if m.target else None,
                "note": "",
            }
            for m in measures
        },
    )
