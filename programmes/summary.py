"""The municipal summary of the programmes of a year, and the curator's list of schools."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from network.models import RiskFactor
from programmes.models import (
    Curatorship,
    MeasureProgress,
    MonitoringRound,
    Programme,
    RiskProfile,
)
from programmes.selectors import measures

SUBMITTED = RiskProfile.State.SUBMITTED


def risk_counts(year):
    """Each risk factor with the number of schools whose profile of the year marks it."""
    return RiskFactor.objects.annotate(
        schools=Count(
            "assessments",
            filter=Q(assessments__applies=True, assessments__profile__year=year),
        )
    ).order_by("order", "name")


def measures_on_time(year, today):
    """(done on time, due by today or done) over the measures of the year's programmes."""
    due = done = 0
    for measure in measures().filter(risk__programme__profile__year=year):
        if measure.shown_state == measure.State.CANCELLED:
            continue
        finished = measure.shown_state == measure.State.DONE
        if finished or measure.due_on <= today:
            due += 1
            done += measure.done_in_time
    return done, due


def _closed_risks(progress_rows):
    """{(programme id, stage): set of risk ids all of whose measures are done and on target}."""
    by_risk = defaultdict(list)
    for row in progress_rows:
        by_risk[(row.round.programme_id, row.round.stage, row.measure.risk_id)].append(row)
    closed = defaultdict(set)
    for (programme_id, stage, risk_id), rows in by_risk.items():
        if all(r.state == r.measure.State.DONE and r.reached is not False for r in rows):
            closed[(programme_id, stage)].add(risk_id)
    return closed


def monitoring_summary(year):
    """Per stage: programmes that entered it and risks closed at it; and risks closed
    between the entry and the final monitoring."""
    rows = list(
        MeasureProgress.objects.filter(round__programme__profile__year=year).select_related(
            "round", "measure"
        )
    )
    closed = _closed_risks(rows)
    entered = defaultdict(set)
    for row in rows:
        entered[row.round.stage].add(row.round.programme_id)
    stages = [
        {
            "stage": stage,
            "programmes": len(entered[stage]),
            "closed": sum(len(risks) for (_p, s), risks in closed.items() if s == stage),
        }
        for stage in MonitoringRound.ORDER
    ]
    between = 0
    for programme_id in entered[MonitoringRound.Stage.FINAL]:
        first = closed.get((programme_id, MonitoringRound.Stage.ENTRY), set())
        final = closed.get((programme_id, MonitoringRound.Stage.FINAL), set())
        between += len(final - first)
    return stages, between


def document_counts(year):
    """How many profiles and programmes of the year are in each state."""
    profiles = dict(
        RiskProfile.objects.filter(year=year)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    programmes = dict(
        Programme.objects.filter(profile__year=year)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return [
        (label, profiles.get(value, 0), programmes.get(value, 0))
        for value, label in RiskProfile.State.choices
    ]


def curator_rows(user, year, *, everyone=False):
    """The curator's schools (or every curated school) with the state of each document
    and what waits for the curator."""
    curatorships = Curatorship.objects.select_related("school", "curator").order_by(
        "school__sort_name"
    )
    if not everyone:
        curatorships = curatorships.filter(curator=user)
    curatorships = list(curatorships)
    profiles = {
        profile.school_id: profile
        for profile in RiskProfile.objects.filter(
            year=year, school__in=[c.school_id for c in curatorships]
        )
        .select_related("programme")
        .prefetch_related(Prefetch("programme__rounds", MonitoringRound.objects.all()))
    }
    rows = []
    for curatorship in curatorships:
        profile = profiles.get(curatorship.school_id)
        rounds = list(profile.programme.rounds.all()) if profile is not None else []
        row = {
            "school": curatorship.school,
            "curator": curatorship.curator,
            "profile": profile,
            "rounds": rounds,
            "profile_waits": profile is not None and profile.state == SUBMITTED,
            "programme_waits": profile is not None and profile.programme.state == SUBMITTED,
            "rounds_waiting": [r for r in rounds if not r.conclusion],
        }
        row["waits"] = row["profile_waits"] or row["programme_waits"] or row["rounds_waiting"]
        rows.append(row)
    return rows
