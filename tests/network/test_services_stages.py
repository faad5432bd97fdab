import pytest
from django.db import IntegrityError

from network.models import Activity, Stage, StageComment
from network.services import (
    NetworkError,
    activity_create,
    activity_update,
    problem_create,
    problem_record_outcome,
    roadmap_conclude,
    stage_accept,
    stage_comment,
    stage_return,
    stage_submit,
)

from .factories import add_activity, add_problem, complete, open_joint_activity, stage

K = Stage.Kind


def test_stage_submit_needs_a_problem_in_stage_one(partnership, director_a):
    with pytest.raises(NetworkError, match="хотя бы одну проблему"):
        stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)


def test_stage_accept_opens_the_next_stage_and_records_who(partnership, director_a, methodologist):
    add_problem(partnership, by=director_a)
    first = stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)
    assert first.state == Stage.State.SUBMITTED and first.submitted_at

    stage_accept(stage=first, by=methodologist)

    first.refresh_from_db()
    assert first.state == Stage.State.ACCEPTED and first.accepted_at
    assert stage(partnership, K.JOINT_ACTIVITY).state == Stage.State.OPEN
    log = [(c.action, c.author) for c in first.comments.all()]
    assert log[1:] == [
        (StageComment.Action.SUBMITTED, director_a),
        (StageComment.Action.ACCEPTED, methodologist),
    ]


def test_stage_accept_refuses_a_stage_that_was_never_submitted(partnership, methodologist):
    with pytest.raises(NetworkError, match="Проверить можно только отправленный этап"):
        stage_accept(stage=stage(partnership, K.ACQUAINTANCE), by=methodologist)


def test_stage_accept_refuses_an_accepted_stage(partnership, director_a, methodologist):
    open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    with pytest.raises(NetworkError, match="Проверить можно только отправленный этап"):
        stage_accept(stage=stage(partnership, K.ACQUAINTANCE), by=methodologist)


def test_stage_submit_refuses_skipping_a_stage(partnership, director_a):
    with pytest.raises(NetworkError, match="ещё не начат"):
        stage_submit(stage=stage(partnership, K.JOINT_ACTIVITY), by=director_a)
    with pytest.raises(NetworkError, match="ещё не начат"):
        stage_submit(stage=stage(partnership, K.REFLECTION), by=director_a)


def test_stage_submit_refuses_a_stage_on_review_or_accepted(partnership, director_a, methodologist):
    add_problem(partnership)
    first = stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)
    with pytest.raises(NetworkError, match="уже ожидает проверки"):
        stage_submit(stage=first, by=director_a)
    stage_accept(stage=first, by=methodologist)
    with pytest.raises(NetworkError, match="Этап уже принят"):
        stage_submit(stage=first, by=director_a)


def test_stage_return_needs_a_comment(partnership, director_a, methodologist):
    add_problem(partnership)
    first = stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)
    with pytest.raises(NetworkError, match="требует комментария"):
        stage_return(stage=first, by=methodologist, comment="  ")


def test_stage_return_reopens_it_for_changes_and_resubmission(
    partnership, director_a, methodologist
):
    add_problem(partnership)
    first = stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)

    stage_return(stage=first, by=methodologist, comment="Уточните формулировки")

    first.refresh_from_db()
    assert first.state == Stage.State.RETURNED and first.is_editable
    assert stage(partnership, K.JOINT_ACTIVITY).state == Stage.State.LOCKED
    returned = first.comments.get(action=StageComment.Action.RETURNED)
    assert (returned.author, returned.text) == (methodologist, "Уточните формулировки")
    add_problem(partnership, title="Вторая проблема")  # changes are allowed again
    assert stage_submit(stage=first, by=director_a).state == Stage.State.SUBMITTED


def test_stage_return_refuses_an_open_stage(partnership, methodologist):
    with pytest.raises(NetworkError, match="Проверить можно только отправленный этап"):
        stage_return(stage=stage(partnership, K.ACQUAINTANCE), by=methodologist, comment="x")


def test_closed_stage_refuses_changes(partnership, director_a, methodologist):
    locked = stage(partnership, K.JOINT_ACTIVITY)
    with pytest.raises(NetworkError, match="изменять его можно, только пока"):
        add_activity(locked, by=director_a)
    add_problem(partnership)
    stage_submit(stage=stage(partnership, K.ACQUAINTANCE), by=director_a)
    with pytest.raises(NetworkError, match="изменять его можно, только пока"):
        problem_create(
            roadmap=partnership.roadmap, by=director_a, school=partnership.leader, title="x"
        )


def test_activity_of_a_stage_on_review_cannot_be_edited(partnership, director_a, methodologist):
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    activity = complete(add_activity(second))
    stage_submit(stage=second, by=director_a)
    activity.refresh_from_db()
    with pytest.raises(NetworkError, match="изменять его можно, только пока"):
        activity_update(activity=activity, by=director_a, data={"title": "Другое"})


def test_joint_activity_stage_needs_done_and_no_unfinished_activities(
    partnership, director_a, methodologist
):
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    with pytest.raises(NetworkError, match="хотя бы одно мероприятие"):
        stage_submit(stage=second, by=director_a)
    complete(add_activity(second))
    add_activity(second, title="Семинар")
    with pytest.raises(NetworkError, match="Не завершено 1 мероприятие"):
        stage_submit(stage=second, by=director_a)


def test_reflection_stage_needs_outcomes_and_a_conclusion(partnership, director_a, methodologist):
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    complete(add_activity(second))
    stage_submit(stage=second, by=director_a)
    stage_accept(stage=second, by=methodologist)
    third = stage(partnership, K.REFLECTION)
    assert third.state == Stage.State.OPEN

    with pytest.raises(NetworkError, match="по каждой проблеме"):
        stage_submit(stage=third, by=director_a)
    problem_record_outcome(
        problem=partnership.roadmap.problems.get(), by=director_a, outcome="Стало лучше"
    )
    with pytest.raises(NetworkError, match="общий вывод"):
        stage_submit(stage=third, by=director_a)
    roadmap_conclude(roadmap=partnership.roadmap, by=director_a, conclusion="Цели достигнуты")
    stage_submit(stage=third, by=director_a)
    stage_accept(stage=third, by=methodologist)
    assert set(partnership.roadmap.stages.values_list("state", flat=True)) == {Stage.State.ACCEPTED}


def test_outcomes_wait_for_the_reflection_stage(partnership, director_a):
    problem = add_problem(partnership)
    with pytest.raises(NetworkError, match="изменять его можно, только пока"):
        problem_record_outcome(problem=problem, by=director_a, outcome="x")


def test_stage_comment_must_not_be_empty(partnership, director_a):
    with pytest.raises(NetworkError, match="Комментарий пуст"):
        stage_comment(stage=stage(partnership, K.ACQUAINTANCE), by=director_a, text=" ")
    comment = stage_comment(stage=stage(partnership, K.ACQUAINTANCE), by=director_a, text="Да")
    assert comment.action == StageComment.Action.COMMENT


def test_database_allows_one_current_stage_per_roadmap(partnership):
    with pytest.raises(IntegrityError):
        Stage.objects.filter(pk=stage(partnership, K.JOINT_ACTIVITY).pk).update(
            state=Stage.State.OPEN
        )


def test_database_refuses_a_done_activity_without_result(partnership):
    activity = activity_create(
        stage=stage(partnership, K.ACQUAINTANCE),
        by=None,
        title="Встреча",
        form=Activity.Form.METHODICAL_DAY,
        due_on="2025-10-01",
        responsible_school=partnership.leader,
    )
    with pytest.raises(IntegrityError):
        Activity.objects.filter(pk=activity.pk).update(state=Activity.State.DONE)
