"""Indicators that the portal computes from its own data (network, events, registry).

Every figure is counted per school for one period, in a fixed number of queries
whatever the number of schools. A share without a denominator is "no data": no value
is stored. Recalculation is idempotent: it writes what changed and removes values
that no longer have data.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from development.models.plans import DevelopmentPlan
from events.models import Event, Registration
from monitoring.models import Indicator, IndicatorValue, Period
from monitoring.services.indicators import CENT, HUNDRED, SaveResult, period_check_open, value_write
from network.models import Activity, Mentorship, MethodicalAssociation, Partnership
from schools.models import Teacher


@dataclass(frozen=True)
class Figure:
    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def _share(part, total) -> Figure | None:
    if not total:
        return None
    value = (HUNDRED * part / total).quantize(CENT, ROUND_HALF_UP)
    return Figure(value, Decimal(part), Decimal(total))


def _count(n) -> Figure:
    return Figure(Decimal(n))


def _bounds(period, today):
    last = min(period.ends_on, today)
    return period.starts_on, last


def _members():
    """{partnership id: {school ids}}: the leader and the supported schools."""
    members = defaultdict(set)
    for pk, leader_id in Partnership.objects.values_list("pk", "leader_id"):
        members[pk].add(leader_id)
    for pk, school_id in Partnership.schools.through.objects.values_list(
        "partnership_id", "school_id"
    ):
        members[pk].add(school_id)
    return members


def teacher_totals() -> dict[int, int]:
    return dict(
        Teacher.objects.values("school_id").annotate(n=Count("pk")).values_list("school_id", "n")
    )


def online_platforms(totals) -> dict[int, Figure]:
    online = dict(
        Teacher.objects.filter(uses_online_platforms=True)
        .values("school_id")
        .annotate(n=Count("pk"))
        .values_list("school_id", "n")
    )
    return {s: f for s, total in totals.items() if (f := _share(online.get(s, 0), total))}


def attended_events(period, totals) -> dict[int, Figure]:
    start = timezone.make_aware(datetime.datetime.combine(period.starts_on, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(period.ends_on, datetime.time.max))
    attended = dict(
        Registration.objects.filter(
            attended=True, event__starts_at__gte=start, event__starts_at__lte=end
        )
        .values("teacher__school_id")
        .annotate(n=Count("teacher", distinct=True))
        .values_list("teacher__school_id", "n")
    )
    return {s: f for s, total in totals.items() if (f := _share(attended.get(s, 0), total))}


def approved_plans(period, totals) -> dict[int, Figure]:
    """Teachers whose plan for the period's academic year is approved (active) or completed."""
    approved = dict(
        DevelopmentPlan.objects.filter(
            year=period.starts_on.year,
            status__in=[DevelopmentPlan.Status.APPROVED, DevelopmentPlan.Status.COMPLETED],
        )
        .values("teacher__school_id")
        .annotate(n=Count("teacher", distinct=True))
        .values_list("teacher__school_id", "n")
    )
    return {s: f for s, total in totals.items() if (f := _share(approved.get(s, 0), total))}


def activities_on_time(period, today, members) -> dict[int, Figure]:
    start, last = _bounds(period, today)
    rows = (
        Activity.objects.exclude(state=Activity.State.CANCELLED)
        .filter(due_on__gte=start, due_on__lte=last)
        .values_list("stage__roadmap_id", "state", "completed_on", "due_on")
    )
    done, total = defaultdict(int), defaultdict(int)
    for roadmap_id, state, completed_on, due_on in rows:
        on_time = state == Activity.State.DONE and completed_on and completed_on <= due_on
        for school_id in members.get(roadmap_id, ()):
            total[school_id] += 1
            done[school_id] += bool(on_time)
    return {s: _share(done[s], n) for s, n in total.items()}


def forms_of_interaction(period, today, members) -> dict[int, Figure]:
    start, last = _bounds(period, today)
    rows = Activity.objects.filter(
        state=Activity.State.DONE, completed_on__gte=start, completed_on__lte=last
    ).values_list("stage__roadmap_id", "form")
    forms = defaultdict(set)
    for roadmap_id, form in rows:
        for school_id in members.get(roadmap_id, ()):
            forms[school_id].add(form)
    schools = {s for ids in members.values() for s in ids}
    return {s: _count(len(forms[s])) for s in schools}


def _live_mentorships(period, today):
    start, last = _bounds(period, today)
    return Mentorship.objects.exclude(state=Mentorship.State.CANCELLED).filter(
        Q(starts_on__lte=last) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start))
    )


def participants_and_leaders(period, today):
    """Distinct active teachers and distinct leading teachers, per school."""
    start, last = _bounds(period, today)
    school_of = dict(Teacher.objects.values_list("pk", "school_id"))
    active, leaders = set(), set()
    activities = Activity.objects.exclude(state=Activity.State.CANCELLED).filter(
        due_on__gte=start, due_on__lte=last
    )
    active |= set(activities.values_list("participants", flat=True))
    active |= set(MethodicalAssociation.objects.values_list("members", flat=True))
    association_leaders = set(MethodicalAssociation.objects.values_list("leader", flat=True))
    mentorships = list(_live_mentorships(period, today).values_list("mentor_id", "mentee_id"))
    mentors = {mentor for mentor, _mentee in mentorships}
    active |= association_leaders | mentors | {mentee for _mentor, mentee in mentorships}
    leaders |= association_leaders | mentors
    per_school_active, per_school_leaders = defaultdict(set), defaultdict(set)
    for teacher_id in active - {None}:
        per_school_active[school_of[teacher_id]].add(teacher_id)
    for teacher_id in leaders - {None}:
        per_school_leaders[school_of[teacher_id]].add(teacher_id)
    return per_school_active, per_school_leaders


def events_held(period, today) -> dict[int, Figure]:
    start, last = _bounds(period, today)
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(last, datetime.time.max))
    rows = (
        Event.objects.filter(host_school__isnull=False, starts_at__gte=first, starts_at__lte=end)
        .exclude(status=Event.Status.DRAFT)
        .values("host_school_id")
        .annotate(n=Count("pk"), held=Count("pk", filter=Q(status=Event.Status.HELD)))
    )
    return {r["host_school_id"]: _share(r["held"], r["n"]) for r in rows}


def computed_figures(*, period, today=None) -> dict[str, dict[int, Figure]]:
    """Every computed indicator's figure per school id for the period, as of today."""
    today = today or timezone.localdate()
    members = _members()
    totals = teacher_totals()
    active, leaders = participants_and_leaders(period, today)
    network_schools = {s for ids in members.values() for s in ids} | set(active)
    figures = {
        "teachers_attended_share": attended_events(period, totals),
        "teachers_plan_approved_share": approved_plans(period, totals),
        "network_activities_on_time": activities_on_time(period, today, members),
        "network_active_participants": {s: _count(len(active.get(s, ()))) for s in network_schools},
        "network_leaders": {s: _count(len(leaders.get(s, ()))) for s in network_schools},
        "network_forms_diversity": forms_of_interaction(period, today, members),
        "network_events_held_share": events_held(period, today),
    }
    # The registry holds today's teachers: it speaks only for the period under way.
    if period.starts_on <= today <= period.ends_on:
        figures["teachers_online_share"] = online_platforms(totals)
    return figures


@transaction.atomic
def computed_recalculate(*, period, today=None, by=None) -> SaveResult:
    """Store the computed indicators of an open period; remove those that lost their data."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period_check_open(period)
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(source=Indicator.Source.COMPUTED, is_active=True)
    }
    figures = computed_figures(period=period, today=today)
    existing = {
        (v.indicator_id, v.school_id): v
        for v in IndicatorValue.objects.filter(period=period, indicator__in=indicators.values())
    }
    result = SaveResult()
    seen = set()
    for code, per_school in figures.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        for school_id, figure in per_school.items():
            if figure is None:
                continue
            key = (indicator.pk, school_id)
            seen.add(key)
            outcome = value_write(
                indicator=indicator,
                school_id=school_id,
                period=period,
                value=figure.value,
                numerator=figure.numerator,
                denominator=figure.denominator,
                source=Indicator.Source.COMPUTED,
                by=by,
                existing=existing.get(key),
            )
            setattr(result, outcome, getattr(result, outcome) + 1)
    recalculated = {indicators[c].pk for c in figures if c in indicators}
    for key, row in existing.items():
        if key not in seen and key[0] in recalculated:
            row.delete()
            result.deleted += 1
    return result
