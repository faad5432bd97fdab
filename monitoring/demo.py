"""Demo indicators: three academic years of believable values for every demo school.

Leaders do best, low-result schools worst but climbing once partnered; the two earlier
periods are approved and locked; in the current one most schools have submitted or been
approved, while the demo director's school (МАОУ СОШ № 6) has not started, so that the
entry journey can be walked. A second run adds nothing.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from core.dates import current_academic_year
from core.figures_cache import rows_written
from monitoring.models import (
    Indicator,
    IndicatorSubmission,
    IndicatorValue,
    Period,
    SubmissionComment,
)
from monitoring.services.computed import computed_recalculate
from monitoring.services.indicators import CENT, HUNDRED, target_set
from schools.models import CategoryRecord, School

C = School.Category
# (low, high) of each category's pass share in the state final attestation.
GIA = {C.LEADER: (96, 100), C.REGULAR: (90, 97), C.UNFAVOURABLE: (84, 93), C.LOW_RESULTS: (74, 88)}
# How many 8–11 graders take the school stage of the olympiad, per subject.
OLYMPIAD = {
    C.LEADER: (45, 80),
    C.REGULAR: (25, 50),
    C.UNFAVOURABLE: (12, 30),
    C.LOW_RESULTS: (8, 25),
}
CONTESTS = {
    C.LEADER: (45, 70),
    C.REGULAR: (30, 50),
    C.UNFAVOURABLE: (18, 35),
    C.LOW_RESULTS: (12, 30),
}
ONLINE = {
    C.LEADER: (70, 95),
    C.REGULAR: (50, 80),
    C.UNFAVOURABLE: (35, 65),
    C.LOW_RESULTS: (30, 60),
}
DIRECTOR_SCHOOL = "МАОУ СОШ № 6"


def _periods(year):
    periods = []
    for start in (year - 2, year - 1, year):
        period, _created = Period.objects.get_or_create(
            name=f"{start}/{start + 1}",
            defaults={
                "starts_on": datetime.date(start, 9, 1),
                "ends_on": datetime.date(start + 1, 8, 31),
            },
        )
        periods.append(period)
    return periods


def _between(rng, bounds, lift=0):
    low, high = bounds
    return min(high, rng.uniform(low, high) + lift)


def _values(rng, school, category, period, step, indicators, partnered):
    """One school's values for one period; ``step`` is 0, 1, 2 from the oldest period."""
    lift = 3 * step if partnered else step * rng.uniform(-1, 1)
    rows = []

    def add(code, value, numerator=None, denominator=None):
        rows.append(
            IndicatorValue(
                indicator=indicators[code],
                school=school,
                period=period,
                value=Decimal(value).quantize(CENT),
                numerator=numerator,
                denominator=denominator,
                source=Indicator.Source.ENTERED,
            )
        )

    graduates = rng.randint(30, 90)
    passed = min(graduates, round(graduates * _between(rng, GIA[category], lift) / 100))
    add("gia_passed_share", HUNDRED * passed / graduates, passed, graduates)
    for subject in ("russian", "math"):
        school_stage = round(_between(rng, OLYMPIAD[category], 2 * lift))
        municipal = round(school_stage * rng.uniform(0.15, 0.35))
        winners = round(municipal * rng.uniform(0.05, 0.4 if category == C.LEADER else 0.2))
        add(f"olympiad_school_{subject}", school_stage)
        add(f"olympiad_municipal_{subject}", municipal)
        add(f"olympiad_winners_{subject}", winners)
    students = rng.randint(80, 260)
    taking_part = round(students * _between(rng, CONTESTS[category], lift) / 100)
    add("contests_share", HUNDRED * taking_part / students, taking_part, students)
    return rows


def load(*, stdout):
    year = current_academic_year()
    periods = _periods(year)
    metodist = User.objects.filter(username="metodist").first()
    indicators = {i.code: i for i in Indicator.objects.all()}
    schools = list(School.objects.order_by("pk"))
    if not schools or not indicators:
        stdout.write("Показатели: нет школ или каталога, значения не созданы")
        return []
    if IndicatorValue.objects.filter(period__in=periods).exists():
        stdout.write("Показатели: значения уже есть")
        return []
    rng = random.Random(2025)
    history = {
        (r.school_id, r.year): r.category for r in CategoryRecord.objects.filter(year__gte=year - 2)
    }
    partnered = {s.pk for s in schools if s.category in (C.LOW_RESULTS, C.UNFAVOURABLE)}
    rows = []
    for step, period in enumerate(periods):
        for school in schools:
            if step == 2 and school.short_name == DIRECTOR_SCHOOL:
                continue  # the demo director enters these in the portal
            category = history.get((school.pk, period.starts_on.year), school.category)
            rows += _values(rng, school, category, period, step, indicators, school.pk in partnered)
    bulk_create_with_history(rows, IndicatorValue, default_user=metodist)
    rows_written(IndicatorValue)
    _submissions(periods, schools, metodist)
    computed_recalculate(period=periods[-1], by=metodist)
    _computed_history(rng, periods, indicators, metodist)
    for period in periods:  # every year had its targets, so every report shows them
        _targets(period, indicators, schools, metodist)
    for period in periods[:-1]:
        period.state = Period.State.LOCKED
        period.save(update_fields=["state"])
    stdout.write(f"Показатели: периодов {len(periods)}, значений {IndicatorValue.objects.count()}")
    return []


def _computed_history(rng, periods, indicators, metodist):
    """Earlier years of the registry and attendance shares, a little below today's."""
    rows = []
    for code in ("teachers_online_share", "teachers_attended_share"):
        for now in IndicatorValue.objects.filter(period=periods[-1], indicator=indicators[code]):
            for step, period in enumerate(periods[:-1]):
                share = float(now.value) * (0.8 + 0.08 * step) + rng.uniform(-4, 4)
                rows.append(
                    IndicatorValue(
                        indicator=now.indicator,
                        school_id=now.school_id,
                        period=period,
                        value=Decimal(min(100.0, max(0.0, share))).quantize(CENT),
                        source=Indicator.Source.COMPUTED,
                    )
                )
    bulk_create_with_history(rows, IndicatorValue, default_user=metodist)
    rows_written(IndicatorValue)


def _submissions(periods, schools, metodist):
    S = IndicatorSubmission.State
    for step, period in enumerate(periods):
        for number, school in enumerate(schools):
            if step < 2:
                state = S.APPROVED
            elif school.short_name == DIRECTOR_SCHOOL:
                state = S.DRAFT
            else:
                state = (S.APPROVED, S.APPROVED, S.SUBMITTED, S.RETURNED)[number % 4]
            moment = datetime.datetime(period.starts_on.year + 1, 6, 20, 12, tzinfo=datetime.UTC)
            if step == 2:  # the period under way: sent this autumn
                moment = timezone.now() - datetime.timedelta(days=3 + number % 5)
            submitted = None if state == S.DRAFT else moment
            reviewed = moment if state in (S.APPROVED, S.RETURNED) else None
            submission, created = IndicatorSubmission.objects.get_or_create(
                school=school,
                period=period,
                defaults={"state": state, "submitted_at": submitted, "reviewed_at": reviewed},
            )
            if not created or state == S.DRAFT:
                continue
            SubmissionComment.objects.create(
                submission=submission,
                action=SubmissionComment.Action.SUBMITTED,
                created_at=moment,
            )
            if state == S.APPROVED:
                SubmissionComment.objects.create(
                    submission=submission,
                    author=metodist,
                    action=SubmissionComment.Action.APPROVED,
                    created_at=moment,
                )
            elif state == S.RETURNED:
                SubmissionComment.objects.create(
                    submission=submission,
                    author=metodist,
                    action=SubmissionComment.Action.RETURNED,
                    created_at=moment,
                    text="Проверьте число участников муниципального этапа по математике: "
                    "в протоколе жюри указано другое.",
                )


def _targets(period, indicators, schools, metodist):
    municipal = {
        "gia_passed_share": 92,
        "contests_share": 40,
        "teachers_online_share": 70,
        "teachers_attended_share": 30,
        "network_activities_on_time": 80,
    }
    for code, value in municipal.items():
        target_set(indicator=indicators[code], period=period, value=value, by=metodist)
    for school in schools:
        if school.category == C.LOW_RESULTS:
            target_set(
                indicator=indicators["gia_passed_share"],
                period=period,
                school=school,
                value=88,
                by=metodist,
            )
