"""Daily and weekly reminders: each once, to the people who must act."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from monitoring.models import IndicatorSubmission, Period
from monitoring.notices import period_deadlines_remind, weekly_digest, weekly_summary
from monitoring.services.indicators import period_lock, period_unlock
from network.models import Activity, Stage
from network.notices import activities_remind
from network.services.items import activity_update
from network.services.stages import stage_submit
from notifications.models import Kind, Notification
from tests.monitoring.factories import PeriodFactory
from tests.network.factories import add_activity, open_joint_activity, stage

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)


def told(kind):
    return sorted(n.user.username for n in Notification.objects.filter(kind=kind))


@pytest.fixture
def joint(partnership, director_a, methodologist):
    return open_joint_activity(partnership, by=director_a, reviewer=methodologist)


def test_an_activity_for_another_school_tells_that_schools_director(
    joint, leader, director_a, director_leader
):
    add_activity(joint, by=director_a, school=leader, title="Открытый урок")
    note = Notification.objects.get(kind=Kind.ACTIVITY_ASSIGNED)
    assert note.user == director_leader
    assert note.title.startswith("«Открытый урок» — вашей школе провести до ")


def test_giving_an_activity_to_another_school_tells_it(
    joint, leader, school_a, director_a, director_leader, methodologist
):
    activity = add_activity(joint, by=director_leader, school=leader)
    Notification.objects.all().delete()
    activity_update(activity=activity, by=methodologist, data={"responsible_school": school_a})
    assert told(Kind.ACTIVITY_ASSIGNED) == ["direktor_a"]


def test_activities_due_soon_and_overdue_are_reminded_once(joint, leader, director_leader):
    soon = add_activity(joint, school=leader, due_on=TODAY + timedelta(days=3), title="Скоро")
    late = add_activity(joint, school=leader, due_on=TODAY - timedelta(days=2), title="Поздно")
    add_activity(joint, school=leader, due_on=TODAY + timedelta(days=10), title="Нескоро")
    Notification.objects.all().delete()

    assert activities_remind(TODAY) == 2
    assert activities_remind(TODAY) == 0  # once each
    due = Notification.objects.get(kind=Kind.ACTIVITY_DUE)
    overdue = Notification.objects.get(kind=Kind.ACTIVITY_OVERDUE)
    assert due.title == f"«Скоро» — срок {soon.due_on:%d.%m.%Y}"
    assert overdue.title == f"«Поздно» просрочено: срок был {late.due_on:%d.%m.%Y}"
    assert overdue.user == director_leader


def test_a_cancelled_activity_is_not_reminded(joint, leader):
    activity = add_activity(joint, school=leader, due_on=TODAY - timedelta(days=1))
    Activity.objects.filter(pk=activity.pk).update(state=Activity.State.CANCELLED)
    assert activities_remind(TODAY) == 0


def test_an_opened_period_and_its_deadline_tell_directors_who_have_not_submitted(
    school_a, school_b, director_a, director_b, methodologist
):
    period = PeriodFactory(starts_on=date(2025, 9, 1), ends_on=TODAY + timedelta(days=7))
    IndicatorSubmission.objects.create(
        school=school_b, period=period, state=IndicatorSubmission.State.SUBMITTED
    )
    period_lock(period=period, by=methodologist)
    period_unlock(period=period, by=methodologist)
    assert told(Kind.PERIOD_OPENED) == ["direktor_a"]

    assert period_deadlines_remind(TODAY) == 1
    assert period_deadlines_remind(TODAY) == 0
    assert told(Kind.PERIOD_DEADLINE) == ["direktor_a"]
    assert Notification.objects.get(kind=Kind.PERIOD_DEADLINE).url == reverse(
        "monitoring:entry_home"
    )
    assert Period.objects.get().state == Period.State.OPEN


def test_the_weekly_summary_lists_what_waits_for_the_centre(partnership, director_a, methodologist):
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=director_a)
    text = weekly_summary(TODAY)
    assert "Этапы, ждущие вашей проверки (1):" in text
    assert "СОШ № 1 и № 101: Знакомство" in text

    assert weekly_digest(TODAY) == 1
    assert weekly_digest(TODAY) == 0  # once a week
    note = Notification.objects.get(kind=Kind.WEEKLY_DIGEST)
    assert note.user == methodologist
    assert note.text == text


def test_nothing_waiting_sends_no_summary(methodologist):
    assert weekly_summary(TODAY) == ""
    assert weekly_digest(TODAY) == 0


def test_the_roadmap_says_what_blocks_the_stage_and_who_must_act(joint, leader, login, director_a):
    add_activity(joint, school=leader, title="Открытый урок", due_on=date(2026, 4, 1))
    page = login(director_a).get(reverse("network:roadmap", args=[joint.roadmap.partnership.pk]))
    text = page.content.decode()
    assert "Чтобы отправить этап на проверку:" in text
    assert "МАОУ СОШ №\u00a01: завершить или отменить «Открытый урок» (срок 01.04.2026)" in text


def test_the_schedule_has_the_reminders(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "network.remind_activities",
        "monitoring.remind_period_deadlines",
        "monitoring.weekly_digest",
        "notifications.send_digests",
    } <= tasks


def test_a_shared_stage_is_submitted_by_a_director_of_any_member_school(
    partnership, director_leader, director_b, login
):
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    url = reverse("network:stage_submit", args=[first.pk])
    outsider = login(director_b).post(url)
    assert outsider.status_code == 404
    assert login(director_leader).post(url).status_code == 302
    first.refresh_from_db()
    assert first.state == Stage.State.SUBMITTED
