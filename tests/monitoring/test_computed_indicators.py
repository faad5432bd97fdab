"""Computed indicators against a network and events counted by hand, on a frozen date."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from events.models import Event
from monitoring.models import Indicator, IndicatorValue
from monitoring.services.computed import computed_figures, computed_recalculate
from monitoring.services.indicators import IndicatorError, period_lock
from monitoring.tasks import recalculate_computed
from network.models import Activity, Mentorship, Stage
from schools.models import School
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory
from tests.network.factories import (
    MentorshipFactory,
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    complete,
    stage,
)
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@pytest.fixture
def network(school_a, school_b):
    """Leader L with teachers l1, l2; school A (low results) with a1..a3; B outside."""
    with time_machine.travel(TODAY, tick=False):
        leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
        l1, l2 = (TeacherFactory(school=leader) for _ in range(2))
        a1 = TeacherFactory(school=school_a, uses_online_platforms=True)
        a2, a3 = (TeacherFactory(school=school_a) for _ in range(2))
        b1 = TeacherFactory(school=school_b)
        partnership = PartnershipFactory(leader=leader, schools=[school_a], title="Пара")
        first = stage(partnership, Stage.Kind.ACQUAINTANCE)
        on_time = add_activity(
            first,
            due_on=datetime.date(2026, 1, 10),
            participants=[a1, l1],
            form=Activity.Form.LESSON_VISITS,
        )
        complete(on_time, on=datetime.date(2026, 1, 5))
        late = add_activity(
            first,
            due_on=datetime.date(2026, 2, 1),
            participants=[a2],
            form=Activity.Form.SEMINAR,
        )
        complete(late, on=datetime.date(2026, 2, 10))
        add_activity(first, due_on=datetime.date(2026, 3, 1), form=Activity.Form.SEMINAR)
        add_activity(first, due_on=datetime.date(2026, 5, 1), participants=[a3])  # not due yet
        MentorshipFactory(mentor=l2, mentee=a3, starts_on=datetime.date(2025, 10, 1))
        MentorshipFactory(mentor=l1, mentee=a1, state=Mentorship.State.CANCELLED)
        MethodicalAssociationFactory(leader=l1, members=[a1, b1])
        for status, day in [
            (Event.Status.HELD, datetime.date(2026, 2, 1)),
            (Event.Status.PUBLISHED, datetime.date(2026, 3, 1)),
            (Event.Status.CANCELLED, datetime.date(2026, 1, 20)),
            (Event.Status.DRAFT, datetime.date(2026, 2, 2)),
            (Event.Status.PUBLISHED, datetime.date(2026, 4, 1)),  # after today
        ]:
            EventFactory(host_school=school_a, status=status, starts_at=moment(day))
        seminar = EventFactory(starts_at=moment(datetime.date(2026, 2, 3)))
        webinar = EventFactory(starts_at=moment(datetime.date(2026, 2, 5)))
        RegistrationFactory(event=seminar, teacher=a1, attended=True)
        RegistrationFactory(event=webinar, teacher=a1, attended=True)
        RegistrationFactory(event=webinar, teacher=a2, attended=False)
        old = EventFactory(starts_at=moment(datetime.date(2025, 5, 5)))  # an earlier year
        RegistrationFactory(event=old, teacher=l1, attended=True)
    return {"leader": leader, "a": school_a, "b": school_b}


def figures(period):
    with time_machine.travel(TODAY, tick=False):
        found = computed_figures(period=period)
    return {code: {s: f.value for s, f in per.items()} for code, per in found.items()}


def test_activities_done_on_time_counts_due_ones(network, period):
    share = figures(period)["network_activities_on_time"]
    # Three activities due by 15 March; one done by its date.
    assert share == {network["leader"].pk: Decimal("33.33"), network["a"].pk: Decimal("33.33")}


def test_forms_of_interaction_of_done_activities(network, period):
    forms = figures(period)["network_forms_diversity"]
    assert forms == {network["leader"].pk: 2, network["a"].pk: 2}


def test_active_participants_and_leaders(network, period):
    found = figures(period)
    leader, a, b = network["leader"].pk, network["a"].pk, network["b"].pk
    assert found["network_active_participants"] == {leader: 2, a: 3, b: 1}
    assert found["network_leaders"] == {leader: 2, a: 0, b: 0}


def test_share_of_planned_network_events_held(network, period):
    assert figures(period)["network_events_held_share"] == {network["a"].pk: Decimal("33.33")}


def test_share_of_teachers_who_attended_an_event(network, period):
    found = figures(period)["teachers_attended_share"]
    assert found[network["a"].pk] == Decimal("33.33")
    assert found[network["leader"].pk] == Decimal("0.00")


def test_share_of_teachers_using_online_platforms_only_for_the_current_period(
    network, period, last_period
):
    assert figures(period)["teachers_online_share"][network["a"].pk] == Decimal("33.33")
    assert "teachers_online_share" not in figures(last_period)


def test_share_of_teachers_with_an_approved_plan_for_the_period(network, period):
    from development.models.plans import DevelopmentPlan
    from tests.development.factories import DevelopmentPlanFactory

    a1, a2, a3 = network["a"].teachers.order_by("pk")
    year = period.starts_on.year
    DevelopmentPlanFactory(teacher=a1, year=year, status=DevelopmentPlan.Status.APPROVED)
    DevelopmentPlanFactory(teacher=a2, year=year, status=DevelopmentPlan.Status.COMPLETED)
    DevelopmentPlanFactory(teacher=a3, year=year, status=DevelopmentPlan.Status.SUBMITTED)
    b1 = network["b"].teachers.get()
    DevelopmentPlanFactory(teacher=b1, year=year - 1, status=DevelopmentPlan.Status.APPROVED)

    found = figures(period)["teachers_plan_approved_share"]

    assert found[network["a"].pk] == Decimal("66.67")
    assert found[network["b"].pk] == Decimal("0.00")
    assert found[network["leader"].pk] == Decimal("0.00")


def test_recalculation_stores_values_and_is_idempotent(network, period):
    with time_machine.travel(TODAY, tick=False):
        first = computed_recalculate(period=period)
        second = computed_recalculate(period=period)
    assert first.created > 0
    assert (second.created, second.updated) == (0, 0)
    stored = IndicatorValue.objects.get(
        school=network["a"], period=period, indicator__code="network_active_participants"
    )
    assert stored.value == 3 and stored.source == Indicator.Source.COMPUTED


def test_recalculation_removes_values_that_lost_their_data(network, period):
    with time_machine.travel(TODAY, tick=False):
        computed_recalculate(period=period)
        Event.objects.filter(host_school=network["a"]).delete()
        result = computed_recalculate(period=period)
    assert result.deleted == 1
    assert not IndicatorValue.objects.filter(indicator__code="network_events_held_share").exists()


def test_locked_period_is_not_recalculated(network, period, methodologist):
    period_lock(period=period, by=methodologist)
    with pytest.raises(IndicatorError):
        computed_recalculate(period=period)
    assert recalculate_computed.delay().get() == {}


def test_task_recalculates_every_open_period(network, period):
    other = PeriodFactory(year=2024)
    with time_machine.travel(TODAY, tick=False):
        done = recalculate_computed.delay().get()
    assert set(done) == {period.name, other.name}
    assert done[period.name]["created"] > 0


def test_nightly_beat_entry_runs_the_task():
    entry = settings.CELERY_BEAT_SCHEDULE["monitoring-recalculate-computed"]
    assert entry["task"] == "monitoring.tasks.recalculate_computed"
