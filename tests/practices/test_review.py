"""The review of a practice goes through core's one mechanism: every move, legal or not."""

import pytest

from core.review import ReviewAction
from notifications.models import Kind, Notification
from practices.errors import PracticesError
from practices.models import Practice
from practices.services.bank import (
    practice_comment,
    practice_publish,
    practice_return,
    practice_submit,
    practice_update,
    practice_withdraw,
)
from tests.practices.factories import draft

S = Practice.State


@pytest.fixture
def practice(teacher_a):
    return draft(by=teacher_a)


def _actions(practice):
    return list(practice.reviews.values_list("action", flat=True))


def test_submit_publish_writes_the_thread_and_tells_the_authors(practice, teacher_a, methodologist):
    practice_submit(practice=practice, by=teacher_a)
    practice.refresh_from_db()
    assert practice.state == S.SUBMITTED and practice.submitted_at
    assert Notification.objects.filter(user=methodologist, kind=Kind.PRACTICE_SUBMITTED).exists()
    practice_publish(practice=practice, by=methodologist, comment="Хорошая работа")
    practice.refresh_from_db()
    assert practice.state == S.PUBLISHED and practice.published_at
    assert _actions(practice) == [ReviewAction.SUBMITTED, ReviewAction.ACCEPTED]
    assert Notification.objects.filter(user=teacher_a, kind=Kind.PRACTICE_PUBLISHED).exists()
    # Every change audited, the moves named by their author.
    assert practice.history.first().history_user == methodologist


def test_return_needs_a_comment_and_the_author_can_resubmit(practice, teacher_a, methodologist):
    practice_submit(practice=practice, by=teacher_a)
    with pytest.raises(PracticesError):
        practice_return(practice=practice, by=methodologist, comment="  ")
    practice_return(practice=practice, by=methodologist, comment="Добавьте конспект")
    practice.refresh_from_db()
    assert practice.state == S.RETURNED
    assert Notification.objects.filter(user=teacher_a, kind=Kind.PRACTICE_RETURNED).exists()
    practice_update(
        practice=practice,
        by=teacher_a,
        authors=list(practice.authors.all()),
        title="Проектная деятельность на уроках физики, 7 класс",
        kind=practice.kind,
        description=practice.description,
    )
    practice_submit(practice=practice, by=teacher_a)
    practice.refresh_from_db()
    assert practice.state == S.SUBMITTED


@pytest.mark.parametrize(
    "state, move",
    [
        (S.DRAFT, "publish"),
        (S.DRAFT, "return"),
        (S.DRAFT, "withdraw"),
        (S.SUBMITTED, "submit"),
        (S.PUBLISHED, "submit"),
        (S.PUBLISHED, "publish"),
        (S.PUBLISHED, "return"),
        (S.RETURNED, "publish"),
        (S.WITHDRAWN, "publish"),
        (S.WITHDRAWN, "withdraw"),
    ],
)
def test_illegal_moves_are_refused(practice, teacher_a, methodologist, state, move):
    Practice.objects.filter(pk=practice.pk).update(state=state)
    practice.refresh_from_db()
    moves = {
        "submit": lambda: practice_submit(practice=practice, by=teacher_a),
        "publish": lambda: practice_publish(practice=practice, by=methodologist),
        "return": lambda: practice_return(practice=practice, by=methodologist, comment="Нет"),
        "withdraw": lambda: practice_withdraw(practice=practice, by=teacher_a),
    }
    with pytest.raises(PracticesError):
        moves[move]()
    practice.refresh_from_db()
    assert practice.state == state


def test_authors_withdraw_a_published_practice_and_may_submit_it_again(
    practice, teacher_a, methodologist
):
    practice_submit(practice=practice, by=teacher_a)
    practice_publish(practice=practice, by=methodologist)
    practice_withdraw(practice=practice, by=teacher_a, text="Устарело")
    practice.refresh_from_db()
    assert practice.state == S.WITHDRAWN
    assert _actions(practice)[-1] == ReviewAction.WITHDRAWN
    practice_submit(practice=practice, by=teacher_a)
    practice.refresh_from_db()
    assert practice.state == S.SUBMITTED


def test_a_practice_under_review_cannot_be_edited(practice, teacher_a):
    practice_submit(practice=practice, by=teacher_a)
    with pytest.raises(PracticesError):
        practice_update(
            practice=practice,
            by=teacher_a,
            authors=list(practice.authors.all()),
            title="Другое",
            kind=practice.kind,
            description="x",
        )


def test_submitting_needs_a_file_or_a_link(teacher_a):
    practice = draft(by=teacher_a, upload=None)
    with pytest.raises(PracticesError):
        practice_submit(practice=practice, by=teacher_a)


def test_comment_goes_to_the_same_thread(practice, methodologist):
    practice_comment(practice=practice, by=methodologist, text="Уточните классы")
    assert _actions(practice) == [ReviewAction.COMMENT]
    with pytest.raises(PracticesError):
        practice_comment(practice=practice, by=methodologist, text=" ")


def test_school_staff_cannot_share_in_another_schools_name(director_a, school_b, teacher_a):
    with pytest.raises(PracticesError):
        draft(by=director_a, school=school_b, authors=[teacher_a.teacher_profile])


def test_authors_must_be_teachers_of_the_practice_school(teacher_a, director_b):
    with pytest.raises(PracticesError):
        draft(by=teacher_a, authors=[director_b.teacher_profile])


def test_the_counters_are_not_in_the_history(practice, teacher_a, methodologist):
    from practices.services.bank import practice_downloaded

    before = practice.history.count()
    practice_downloaded(practice=practice)
    assert practice.history.count() == before
