"""Periods that lock, the approval states (draft, submitted, approved, returned), history."""

import pytest

from monitoring.catalogue import CATALOGUE, ENTERED
from monitoring.models import IndicatorSubmission, IndicatorValue, SubmissionComment
from monitoring.services.indicators import (
    Entry,
    IndicatorError,
    indicator_values_save,
    period_lock,
    period_unlock,
    submission_approve,
    submission_for,
    submission_return,
    submission_submit,
)
from tests.monitoring.factories import indicator

pytestmark = pytest.mark.django_db
S = IndicatorSubmission.State


def full_entries():
    entries = {}
    for entry in CATALOGUE:
        if entry.source != ENTERED:
            continue
        if entry.unit == "percent":
            entries[entry.code] = Entry(numerator=40, denominator=50)
        else:
            entries[entry.code] = Entry(value=5)
    return entries


def fill(school, period, by):
    return indicator_values_save(school=school, period=period, entries=full_entries(), by=by)


def test_locked_period_refuses_changes_with_a_clear_message(
    school_a, period, director_a, methodologist
):
    period_lock(period=period, by=methodologist)
    with pytest.raises(IndicatorError, match="заблокирован"):
        fill(school_a, period, director_a)
    period_unlock(period=period, by=methodologist)
    assert fill(school_a, period, director_a).created == len(full_entries())


def test_locked_period_refuses_review(school_a, period, director_a, methodologist):
    fill(school_a, period, director_a)
    submission = submission_submit(
        submission=submission_for(school=school_a, period=period), by=director_a
    )
    period_lock(period=period, by=methodologist)
    with pytest.raises(IndicatorError, match="заблокирован"):
        submission_approve(submission=submission, by=methodologist)


def test_submit_needs_every_entered_indicator(school_a, period, director_a):
    indicator_values_save(
        school=school_a,
        period=period,
        entries={"olympiad_school_math": Entry(value=3)},
        by=director_a,
    )
    with pytest.raises(IndicatorError, match="Заполните все показатели"):
        submission_submit(submission=submission_for(school=school_a, period=period), by=director_a)


def test_submit_then_approve(school_a, period, director_a, methodologist):
    fill(school_a, period, director_a)
    submission = submission_for(school=school_a, period=period)
    submission = submission_submit(submission=submission, by=director_a)
    assert submission.state == S.SUBMITTED and submission.submitted_at
    submission = submission_approve(submission=submission, by=methodologist)
    assert submission.state == S.APPROVED
    actions = list(submission.comments.values_list("action", "author__username"))
    assert actions == [
        (SubmissionComment.Action.SUBMITTED, director_a.username),
        (SubmissionComment.Action.APPROVED, methodologist.username),
    ]


def test_submitted_data_cannot_be_changed_until_returned(
    school_a, period, director_a, methodologist
):
    fill(school_a, period, director_a)
    submission = submission_submit(
        submission=submission_for(school=school_a, period=period), by=director_a
    )
    with pytest.raises(IndicatorError, match="после того как центр вернёт"):
        fill(school_a, period, director_a)
    submission_return(submission=submission, by=methodologist, comment="Проверьте ГИА")
    indicator_values_save(
        school=school_a,
        period=period,
        entries={"gia_passed_share": Entry(numerator=41, denominator=50)},
        by=director_a,
    )
    submission = submission_submit(submission=submission, by=director_a)
    assert submission.state == S.SUBMITTED


def test_return_needs_a_comment(school_a, period, director_a, methodologist):
    fill(school_a, period, director_a)
    submission = submission_submit(
        submission=submission_for(school=school_a, period=period), by=director_a
    )
    with pytest.raises(IndicatorError, match="что школе нужно исправить"):
        submission_return(submission=submission, by=methodologist, comment="  ")
    submission = submission_return(submission=submission, by=methodologist, comment="Сверьте")
    assert submission.state == S.RETURNED
    assert submission.comments.last().text == "Сверьте"


def test_approved_data_may_be_returned(school_a, period, director_a, methodologist):
    fill(school_a, period, director_a)
    submission = submission_submit(
        submission=submission_for(school=school_a, period=period), by=director_a
    )
    submission_approve(submission=submission, by=methodologist)
    submission = submission_return(submission=submission, by=methodologist, comment="Ошибка")
    assert submission.state == S.RETURNED


def test_draft_cannot_be_approved(school_a, period, methodologist):
    with pytest.raises(IndicatorError, match="черновик"):
        submission_approve(
            submission=submission_for(school=school_a, period=period), by=methodologist
        )


def test_history_keeps_who_and_when(school_a, period, director_a, methodologist):
    indicator_values_save(
        school=school_a,
        period=period,
        entries={"olympiad_school_math": Entry(value=3)},
        by=director_a,
    )
    indicator_values_save(
        school=school_a,
        period=period,
        entries={"olympiad_school_math": Entry(value=4)},
        by=methodologist,
    )
    value = IndicatorValue.objects.get(school=school_a, indicator__code="olympiad_school_math")
    records = list(value.history.order_by("history_date"))
    assert [r.value for r in records] == [3, 4]
    assert [r.history_user for r in records] == [director_a, methodologist]
    assert all(r.history_date for r in records)


def test_clearing_a_value_is_kept_in_history(school_a, period, director_a):
    indicator_values_save(
        school=school_a,
        period=period,
        entries={"olympiad_school_math": Entry(value=3)},
        by=director_a,
    )
    result = indicator_values_save(
        school=school_a, period=period, entries={"olympiad_school_math": None}, by=director_a
    )
    assert result.deleted == 1
    assert IndicatorValue.history.filter(history_type="-").count() == 1


def test_unchanged_values_write_no_history(school_a, period, director_a):
    fill(school_a, period, director_a)
    result = fill(school_a, period, director_a)
    assert result.unchanged == len(full_entries()) and result.updated == 0
    assert IndicatorValue.history.count() == len(full_entries())


def test_targets_refuse_a_locked_period_and_values_out_of_range(period, methodologist):
    from monitoring.services.indicators import target_set

    share = indicator("gia_passed_share")
    with pytest.raises(IndicatorError, match="не может быть отрицательным"):
        target_set(indicator=share, period=period, value=120, by=methodologist)
    target = target_set(indicator=share, period=period, value=90, by=methodologist)
    assert target_set(indicator=share, period=period, value=92, by=methodologist) == target
    period_lock(period=period, by=methodologist)
    with pytest.raises(IndicatorError, match="заблокирован"):
        target_set(indicator=share, period=period, value=95, by=methodologist)
