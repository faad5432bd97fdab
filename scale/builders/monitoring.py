"""Five academic years of every indicator for every school, with submissions in every state."""

import datetime
from decimal import Decimal

from monitoring.models import (
    Indicator,
    IndicatorSubmission,
    IndicatorValue,
    Period,
    SubmissionComment,
    Target,
)
from scale.builders.base import bulk
from schools.models import School

C = School.Category
CENT = Decimal("0.01")
# Where each category's percentages and counts lie: leaders best, low-results worst.
LEVEL = {C.LEADER: 0.9, C.REGULAR: 0.75, C.UNFAVOURABLE: 0.62, C.LOW_RESULTS: 0.5}
S = IndicatorSubmission.State
CURRENT_STATES = [S.DRAFT, S.SUBMITTED, S.SUBMITTED, S.APPROVED, S.APPROVED, S.RETURNED]


def build_periods(region):
    """The demo's periods and earlier ones, as many as asked; all but the last locked."""
    periods = []
    for start in range(region.year - region.sizes.periods + 1, region.year + 1):
        period, _ = Period.objects.get_or_create(
            name=f"{start}/{start + 1}",
            defaults={
                "starts_on": datetime.date(start, 9, 1),
                "ends_on": datetime.date(start + 1, 8, 31),
                "state": Period.State.LOCKED if start < region.year else Period.State.OPEN,
            },
        )
        periods.append(period)
    region.periods = periods


def _ordered(indicators):
    """Indicators with the one each may not exceed before it."""
    done, ordered = set(), []
    pending = list(indicators)
    while pending:
        for indicator in list(pending):
            if (
                indicator.not_above_id is None
                or indicator.not_above_id in done
                or (indicator.not_above_id not in {i.pk for i in pending})
            ):
                ordered.append(indicator)
                done.add(indicator.pk)
                pending.remove(indicator)
    return ordered


def _value(rng, indicator, level, ceiling):
    if indicator.unit == Indicator.Unit.PERCENT:
        denominator = rng.randint(30, 240)
        share = min(1.0, max(0.0, rng.gauss(level, 0.08)))
        if not indicator.higher_is_better:
            share = 1 - share
        numerator = round(denominator * share)
        value = Decimal(100 * numerator / denominator).quantize(CENT)
        return value, Decimal(numerator), Decimal(denominator)
    if ceiling is not None:
        return Decimal(round(float(ceiling) * rng.uniform(0.1, 0.4))), None, None
    if indicator.unit == Indicator.Unit.COUNT:
        return Decimal(max(0, round(rng.gauss(60 * level, 10)))), None, None
    return Decimal(rng.uniform(10, 100)).quantize(CENT), None, None


def build_values(region):
    rng = region.rng
    indicators = _ordered(Indicator.objects.filter(is_active=True).order_by("order", "code"))
    methodologist = region.users.get("metodist")
    rows = []
    for step, period in enumerate(region.periods):
        for school in region.schools:
            level = LEVEL.get(school.category, 0.7) + 0.01 * step
            values = {}
            for indicator in indicators:
                ceiling = values.get(indicator.not_above_id)
                value, numerator, denominator = _value(rng, indicator, level, ceiling)
                values[indicator.pk] = value
                rows.append(
                    IndicatorValue(
                        indicator=indicator,
                        school=school,
                        period=period,
                        value=value,
                        numerator=numerator,
                        denominator=denominator,
                        source=indicator.source,
                        entered_by=methodologist
                        if indicator.source != Indicator.Source.ENTERED
                        else None,
                    )
                )
    bulk(IndicatorValue, rows, region, "indicator values")
    _submissions(region, methodologist)
    _targets(region, indicators)


def _submissions(region, methodologist):
    rows = []
    last = len(region.periods) - 1
    for step, period in enumerate(region.periods):
        for number, school in enumerate(region.schools):
            state = S.APPROVED if step < last else CURRENT_STATES[number % len(CURRENT_STATES)]
            moment = region.moment(datetime.date(period.starts_on.year + 1, 6, 20))
            if step == last:
                moment = region.moment(region.today - datetime.timedelta(days=3 + number % 9))
            rows.append(
                IndicatorSubmission(
                    school=school,
                    period=period,
                    state=state,
                    submitted_at=None if state == S.DRAFT else moment,
                    reviewed_at=moment if state in (S.APPROVED, S.RETURNED) else None,
                )
            )
    submissions = bulk(IndicatorSubmission, rows, region, "indicator submissions")
    A = SubmissionComment.Action
    comments = []
    for submission in submissions:
        if submission.state == S.DRAFT:
            continue
        comments.append(
            SubmissionComment(
                submission=submission, action=A.SUBMITTED, created_at=submission.submitted_at
            )
        )
        if submission.state == S.APPROVED:
            comments.append(
                SubmissionComment(
                    submission=submission,
                    author=methodologist,
                    action=A.APPROVED,
                    created_at=submission.reviewed_at,
                )
            )
        elif submission.state == S.RETURNED:
            comments.append(
                SubmissionComment(
                    submission=submission,
                    author=methodologist,
                    action=A.RETURNED,
                    text="Проверьте число участников муниципального этапа олимпиады.",
                    created_at=submission.reviewed_at,
                )
            )
    bulk(SubmissionComment, comments, region, "submission comments")


def _targets(region, indicators):
    percent = [i for i in indicators if i.unit == Indicator.Unit.PERCENT]
    if not percent:
        return
    period = region.periods[-1]
    rows = [
        Target(indicator=percent[0], period=period, school=school, value=Decimal(85))
        for school in region.schools
        if school.category == C.LOW_RESULTS
    ]
    bulk(Target, rows, region, "targets")
