import datetime
from pathlib import Path

import pytest
import time_machine

from network.models import Activity
from network.services import (
    NetworkError,
    activity_complete,
    activity_update,
    problem_create,
    problem_update,
)
from tests.schools.factories import TeacherFactory

from .factories import add_activity, add_problem, complete, open_joint_activity, pdf


@pytest.fixture
def joint(partnership, director_a, methodologist):
    return open_joint_activity(partnership, by=director_a, reviewer=methodologist)


def test_activity_create_refuses_a_school_outside_the_partnership(joint, school_b):
    with pytest.raises(NetworkError, match="не входит в это партнёрство"):
        add_activity(joint, school=school_b)


def test_activity_create_refuses_participants_from_other_schools(joint, school_b):
    outsider = TeacherFactory(school=school_b, last_name="Чужая")
    with pytest.raises(NetworkError, match="Чужая Мария Ивановна не работает в школе"):
        add_activity(joint, participants=[outsider])


def test_activity_create_refuses_a_problem_of_another_roadmap(joint, leader):
    from .factories import PartnershipFactory

    other = PartnershipFactory(leader=leader)
    foreign = add_problem(other, title="Чужая проблема")
    with pytest.raises(NetworkError, match="другой дорожной карте"):
        add_activity(joint, problem=foreign)


def test_activity_create_records_participants_and_history(joint, school_a, director_a):
    teacher = TeacherFactory(school=school_a)
    activity = add_activity(joint, by=director_a, school=school_a, participants=[teacher])
    assert list(activity.participants.all()) == [teacher]
    assert activity.history.get().history_user == director_a


def test_activity_update_cannot_mark_done_without_a_result(joint, director_a):
    activity = add_activity(joint)
    with pytest.raises(NetworkError, match="опишите результат"):
        activity_update(activity=activity, by=director_a, data={"state": Activity.State.DONE})


def test_activity_update_reopening_clears_the_completion(joint, director_a):
    activity = complete(add_activity(joint))
    activity_update(activity=activity, by=director_a, data={"state": Activity.State.IN_PROGRESS})
    activity.refresh_from_db()
    assert (activity.state, activity.completed_on) == (Activity.State.IN_PROGRESS, None)


@time_machine.travel(datetime.date(2026, 2, 10))
def test_activity_complete_needs_a_result_and_stores_the_evidence_privately(joint, settings):
    activity = add_activity(joint)
    with pytest.raises(NetworkError, match="Опишите результат мероприятия"):
        activity_complete(activity=activity, by=None, result=" ")

    complete(activity, file=pdf("Протокол.pdf"))

    activity.refresh_from_db()
    assert activity.state == Activity.State.DONE
    assert activity.completed_on == datetime.date(2026, 2, 10)
    assert activity.evidence_name == "Протокол.pdf"
    assert activity.evidence_file.name.startswith("network/evidence/")
    assert Path(settings.MEDIA_ROOT) not in Path(activity.evidence_file.path).parents
    with pytest.raises(ValueError):
        activity.evidence_file.url  # noqa: B018 -- a private file has no public address


@time_machine.travel(datetime.date(2026, 2, 10))
def test_activity_complete_refuses_a_date_in_the_future(joint):
    with pytest.raises(NetworkError, match="не может быть в будущем"):
        complete(add_activity(joint), on=datetime.date(2026, 2, 11))


def test_activity_complete_refuses_a_cancelled_activity(joint, director_a):
    activity = add_activity(joint)
    activity_update(activity=activity, by=director_a, data={"state": Activity.State.CANCELLED})
    with pytest.raises(NetworkError, match="Отменённое мероприятие"):
        complete(activity)


def test_problem_must_belong_to_a_member_school(partnership, school_b):
    with pytest.raises(NetworkError, match="не входит в это партнёрство"):
        problem_create(roadmap=partnership.roadmap, by=None, school=school_b, title="Проблема")


def test_problem_update_changes_the_title_while_stage_one_is_open(partnership, director_a):
    problem = add_problem(partnership)
    problem_update(problem=problem, by=director_a, data={"title": "Низкие результаты ЕГЭ"})
    problem.refresh_from_db()
    assert problem.title == "Низкие результаты ЕГЭ"


def test_overdue_is_derived_from_the_due_date(joint):
    activity = add_activity(joint, due_on=datetime.date(2026, 3, 1))
    with time_machine.travel(datetime.date(2026, 3, 1)):
        assert not activity.is_overdue
    with time_machine.travel(datetime.date(2026, 3, 2)):
        assert activity.is_overdue
        assert list(Activity.objects.overdue()) == [activity]
        complete(activity)
        assert not activity.is_overdue
