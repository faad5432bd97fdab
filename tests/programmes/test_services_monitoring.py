"""Monitoring in three stages, and what realises a measure."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from development.models import PlanItem
from events.models import Event
from network.models import Activity, Mentorship
from programmes import services
from programmes.errors import ProgrammeError
from programmes.models import Measure, MonitoringRound, ProgrammeEntry
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory
from tests.events.factories import EventFactory
from tests.network.factories import (
    MentorshipFactory,
    PartnershipFactory,
    add_activity,
    complete,
    open_joint_activity,
)
from tests.programmes.factories import (
    accepted,
    add_measure,
    filled,
    measures_of,
    started,
    written,
)
from tests.schools.factories import TeacherFactory

INTERIM = MonitoringRound.Stage.INTERIM


@pytest.fixture
def profile(school_a, director_a, methodologist):
    return accepted(school_a, by=director_a, curator=methodologist)


def rows(profile, state=Measure.State.IN_PROGRESS, value=None):
    return {m.pk: {"state": state, "value": value, "note": ""} for m in measures_of(profile)}


def enter(profile, stage, by, **kwargs):
    return services.monitoring_enter(
        programme=profile.programme, stage=stage, by=by, rows=rows(profile, **kwargs)
    )


def test_monitoring_waits_for_the_accepted_programme(school_a, director_a):
    profile = written(filled(started(school_a, by=director_a), by=director_a), by=director_a)
    with pytest.raises(ProgrammeError, match="примет"):
        enter(profile.profile, MonitoringRound.Stage.ENTRY, director_a)


def test_the_interim_stage_comes_after_the_entry_stage(profile, director_a):
    with pytest.raises(ProgrammeError, match="входной"):
        enter(profile, INTERIM, director_a)


def test_a_stage_records_each_measure_and_moves_its_state(profile, director_a):
    enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    monitoring = enter(profile, INTERIM, director_a, state=Measure.State.DONE, value=Decimal(92))
    assert monitoring.progress.count() == 3
    assert all(row.reached for row in monitoring.progress.all())
    for measure in measures_of(profile):
        assert measure.state == Measure.State.DONE
        assert measure.completed_on == timezone.localdate()


def test_a_stage_may_be_corrected_until_the_curator_concludes_it(
    profile, director_a, methodologist
):
    monitoring = enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    enter(profile, MonitoringRound.Stage.ENTRY, director_a, value=Decimal(50))
    assert {row.value for row in monitoring.progress.all()} == {Decimal(50)}
    assert not next(iter(monitoring.progress.all())).reached
    services.monitoring_conclude(
        monitoring=monitoring, by=methodologist, conclusion="Идёт по плану"
    )
    with pytest.raises(ProgrammeError, match="закрыт"):
        enter(profile, MonitoringRound.Stage.ENTRY, director_a)


def test_an_empty_conclusion_is_refused(profile, director_a, methodologist):
    monitoring = enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    with pytest.raises(ProgrammeError):
        services.monitoring_conclude(monitoring=monitoring, by=methodologist, conclusion=" ")


@pytest.fixture
def draft_risk(school_a, director_a):
    profile = filled(started(school_a, by=director_a), by=director_a)
    return profile.programme.risks.first()


def test_a_measure_realised_by_a_done_activity_shows_done(
    draft_risk, school_a, director_a, methodologist
):
    partnership = PartnershipFactory(schools=[school_a])
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    activity = add_activity(second, by=director_a, school=school_a)
    measure = add_measure(draft_risk, by=director_a, activity=activity, due_on=activity.due_on)
    assert measure.shown_state == Measure.State.PLANNED
    complete(activity, by=director_a, on=datetime.date(2026, 2, 1))
    measure = Measure.objects.get(pk=measure.pk)
    assert measure.activity.state == Activity.State.DONE
    assert measure.shown_state == Measure.State.DONE
    assert measure.done_on == datetime.date(2026, 2, 1)
    assert measure.done_in_time


def test_an_activity_of_another_school_cannot_realise_a_measure(
    draft_risk, school_a, director_a, methodologist
):
    partnership = PartnershipFactory(schools=[school_a])
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    activity = add_activity(second, by=methodologist, school=partnership.leader)
    with pytest.raises(ProgrammeError, match="дорожной карты"):
        add_measure(draft_risk, by=director_a, activity=activity)


def test_a_measure_realised_by_a_held_event_shows_done(draft_risk, director_a):
    event = EventFactory()
    measure = add_measure(draft_risk, by=director_a, event=event)
    assert Measure.objects.get(pk=measure.pk).shown_state == Measure.State.PLANNED
    Event.objects.filter(pk=event.pk).update(status=Event.Status.HELD)
    assert Measure.objects.get(pk=measure.pk).shown_state == Measure.State.DONE


def test_a_measure_realised_by_a_completed_mentorship_shows_done(draft_risk, school_a, director_a):
    mentorship = MentorshipFactory(mentee=TeacherFactory(school=school_a))
    measure = add_measure(draft_risk, by=director_a, mentorship=mentorship)
    Mentorship.objects.filter(pk=mentorship.pk).update(state=Mentorship.State.COMPLETED)
    assert Measure.objects.get(pk=measure.pk).shown_state == Measure.State.DONE


def test_a_measure_realised_by_plan_items_shows_done_when_all_are_done(
    draft_risk, school_a, director_a
):
    plan = DevelopmentPlanFactory(teacher=TeacherFactory(school=school_a))
    first, second = PlanItemFactory(plan=plan), PlanItemFactory(plan=plan)
    measure = add_measure(draft_risk, by=director_a, plan_items=[first, second])
    PlanItem.objects.filter(pk=first.pk).update(
        status=PlanItem.Status.DONE,
        completed_at=timezone.now(),
        completion=PlanItem.Completion.MANUAL,
    )
    assert Measure.objects.get(pk=measure.pk).shown_state == Measure.State.PLANNED
    PlanItem.objects.filter(pk=second.pk).update(status=PlanItem.Status.CANCELLED)
    assert Measure.objects.get(pk=measure.pk).shown_state == Measure.State.DONE


def test_the_conclusion_is_recorded_in_the_programme_thread(profile, director_a, methodologist):
    monitoring = enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    services.monitoring_conclude(
        monitoring=monitoring, by=methodologist, conclusion=" Идёт по плану "
    )
    entry = ProgrammeEntry.objects.get(programme=profile.programme, monitoring_round=monitoring)
    assert (entry.action, entry.author, entry.text) == (
        "concluded_entry",
        methodologist,
        "Идёт по плану",
    )
    assert entry.get_action_display() == "Заключение по входному мониторингу"
    monitoring.refresh_from_db()
    assert monitoring.conclusion == "Идёт по плану"


def test_a_concluded_stage_takes_no_second_conclusion(profile, director_a, methodologist):
    monitoring = enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    services.monitoring_conclude(monitoring=monitoring, by=methodologist, conclusion="Первое")
    with pytest.raises(ProgrammeError, match="закрыт"):
        services.monitoring_conclude(monitoring=monitoring, by=methodologist, conclusion="Второе")
    monitoring.refresh_from_db()
    assert monitoring.conclusion == "Первое"
    assert list(monitoring.entries.values_list("text", flat=True)) == ["Первое"]


def test_the_conclusions_written_before_the_thread_are_moved_into_it(
    profile, director_a, methodologist
):
    monitoring = enter(profile, MonitoringRound.Stage.ENTRY, director_a)
    # A conclusion as the stage kept it before it went into the thread: on the round alone.
    monitoring.conclusion = "Старое заключение"
    monitoring._history_user = methodologist
    monitoring.save(update_fields=["conclusion"])
    migration = import_module("programmes.migrations.0003_conclusions_in_the_thread")
    migration.record_conclusions(django_apps, None)
    migration.record_conclusions(django_apps, None)  # a second run finds it done
    entry = monitoring.entries.get()
    assert (entry.action, entry.text, entry.author) == (
        "concluded_entry",
        "Старое заключение",
        methodologist,
    )
