"""The shared review mechanism (core.review), driven through a roadmap stage."""

import pytest

from core.review import ReviewAction, review_accept, review_comment, review_return, review_submit
from network.models import Stage
from network.services import NetworkError
from network.services.stages import FLOW

from .factories import stage

K = Stage.Kind


@pytest.fixture
def first(partnership):
    return stage(partnership, K.ACQUAINTANCE)


def test_review_moves_record_state_time_and_author(first, director_a, methodologist):
    review_submit(flow=FLOW, obj=first, by=director_a)
    assert first.state == Stage.State.SUBMITTED and first.submitted_at
    review_return(flow=FLOW, obj=first, by=methodologist, comment="  Допишите проблемы ")
    assert first.state == Stage.State.RETURNED
    review_submit(flow=FLOW, obj=first, by=director_a)
    review_accept(flow=FLOW, obj=first, by=methodologist)
    first.refresh_from_db()
    assert first.state == Stage.State.ACCEPTED and first.accepted_at
    assert [(e.action, e.author, e.text) for e in first.comments.all()][1:] == [
        (ReviewAction.SUBMITTED, director_a, ""),
        (ReviewAction.RETURNED, methodologist, "Допишите проблемы"),
        (ReviewAction.SUBMITTED, director_a, ""),
        (ReviewAction.ACCEPTED, methodologist, ""),
    ]
    assert first.history.first().history_user == methodologist


@pytest.mark.parametrize("move", [review_accept, review_return])
def test_only_a_submitted_object_can_be_reviewed(first, methodologist, move):
    with pytest.raises(NetworkError, match="Проверить можно только отправленное"):
        move(flow=FLOW, obj=first, by=methodologist, comment="Почему")
    assert first.state == Stage.State.OPEN


def test_submit_refuses_what_waits_or_is_accepted(first, director_a, methodologist):
    review_submit(flow=FLOW, obj=first, by=director_a)
    with pytest.raises(NetworkError, match="уже ждёт проверки"):
        review_submit(flow=FLOW, obj=first, by=director_a)
    review_accept(flow=FLOW, obj=first, by=methodologist)
    with pytest.raises(NetworkError, match="уже принято"):
        review_submit(flow=FLOW, obj=first, by=director_a)


def test_a_return_and_a_comment_need_words(first, director_a, methodologist):
    review_submit(flow=FLOW, obj=first, by=director_a)
    with pytest.raises(NetworkError, match="нужен комментарий"):
        review_return(flow=FLOW, obj=first, by=methodologist, comment="   ")
    with pytest.raises(NetworkError, match="пуст"):
        review_comment(flow=FLOW, obj=first, by=director_a, text="\n")
    assert first.state == Stage.State.SUBMITTED
