"""Diagnostics: answering once, closed questionnaires, aggregation and the weakest areas."""

import pytest

from development.models.questionnaires import Questionnaire, Response
from development.services.questionnaires import (
    QuestionnaireError,
    difficulties_top,
    questionnaire_close,
    questionnaire_open,
    questionnaire_results,
    response_submit,
)
from tests.development.factories import (
    QuestionnaireFactory,
    questionnaire_with,
)
from tests.schools.factories import SubjectFactory, TeacherFactory

pytestmark = pytest.mark.django_db

STATEMENTS = [
    "Освоение инновационных педагогических технологий обучения",
    "Организация электронного и дистанционного обучения",
    "Объективное оценивание образовательных результатов обучающихся",
    "Работа с обучающимися с низкой учебной мотивацией",
]


def _answer(questionnaire, teacher, statements, values):
    return response_submit(
        questionnaire=questionnaire,
        teacher=teacher,
        answers={d.pk: v for d, v in zip(statements, values, strict=True)},
    )


def test_results_match_hand_counted_means_per_school_and_subject(school_a, school_b):
    questionnaire, (tech, online, *_rest) = questionnaire_with(STATEMENTS)
    maths = SubjectFactory(name="Математика")
    russian = SubjectFactory(name="Русский язык")
    a1 = TeacherFactory(school=school_a)
    a1.subjects.set([maths])
    a2 = TeacherFactory(school=school_a)
    a2.subjects.set([maths, russian])
    b1 = TeacherFactory(school=school_b)
    b1.subjects.set([russian])
    statements = [tech, online, *_rest]
    _answer(questionnaire, a1, statements, [3, 2, 0, 1])
    _answer(questionnaire, a2, statements, [2, 0, 0, 3])
    _answer(questionnaire, b1, statements, [0, 1, 1, 1])

    results = questionnaire_results(questionnaire=questionnaire)

    # school A: tech (3+2)/2 = 2.5, online (2+0)/2 = 1; school B: 0 and 1
    assert results.by_school[(tech.pk, school_a.pk)].average == pytest.approx(2.5)
    assert results.by_school[(tech.pk, school_a.pk)].count == 2
    assert results.by_school[(online.pk, school_a.pk)].average == pytest.approx(1.0)
    assert results.by_school[(tech.pk, school_b.pk)].average == pytest.approx(0.0)
    # municipality: tech (3+2+0)/3, online (2+0+1)/3
    assert results.overall_of(tech).average == pytest.approx(5 / 3)
    assert results.overall_of(online).average == pytest.approx(1.0)
    # maths: a1 and a2 → tech 2.5; Russian: a2 and b1 → tech (2+0)/2 = 1
    assert results.by_subject[(tech.pk, maths.pk)].average == pytest.approx(2.5)
    assert results.by_subject[(tech.pk, russian.pk)].average == pytest.approx(1.0)
    assert results.respondents == {school_a.pk: 2, school_b.pk: 1}


def test_a_directors_view_counts_only_their_school_but_keeps_the_municipal_mean(school_a, school_b):
    questionnaire, statements = questionnaire_with(STATEMENTS[:1])
    _answer(questionnaire, TeacherFactory(school=school_a), statements, [3])
    _answer(questionnaire, TeacherFactory(school=school_b), statements, [1])

    results = questionnaire_results(questionnaire=questionnaire, school_ids=[school_a.pk])

    assert [s.pk for s in results.schools] == [school_a.pk]
    assert results.overall_of(statements[0]).average == pytest.approx(2.0)
    assert results.respondents == {school_a.pk: 1}


def test_a_teacher_answers_once(teacher_a):
    questionnaire, statements = questionnaire_with(STATEMENTS[:2])
    _answer(questionnaire, teacher_a.teacher_profile, statements, [1, 2])

    with pytest.raises(QuestionnaireError, match="уже ответили"):
        _answer(questionnaire, teacher_a.teacher_profile, statements, [3, 3])

    assert Response.objects.filter(questionnaire=questionnaire).count() == 1


def test_a_closed_questionnaire_refuses_answers(teacher_a):
    questionnaire, statements = questionnaire_with(STATEMENTS[:2])
    questionnaire_close(questionnaire=questionnaire)

    with pytest.raises(QuestionnaireError, match="закрыта"):
        _answer(questionnaire, teacher_a.teacher_profile, statements, [1, 2])

    assert not Response.objects.exists()


def test_a_draft_questionnaire_refuses_answers(teacher_a):
    questionnaire, statements = questionnaire_with(
        STATEMENTS[:1], status=Questionnaire.Status.DRAFT
    )

    with pytest.raises(QuestionnaireError):
        _answer(questionnaire, teacher_a.teacher_profile, statements, [1])


def test_answers_outside_the_scale_or_missing_are_refused(teacher_a):
    questionnaire, statements = questionnaire_with(STATEMENTS[:2])

    with pytest.raises(QuestionnaireError, match="от 0 до 3"):
        _answer(questionnaire, teacher_a.teacher_profile, statements, [1, 4])
    with pytest.raises(QuestionnaireError, match="каждое"):
        response_submit(
            questionnaire=questionnaire,
            teacher=teacher_a.teacher_profile,
            answers={statements[0].pk: 1},
        )


def test_a_questionnaire_for_supported_schools_refuses_a_leader_schools_teacher(school_b):
    questionnaire, statements = questionnaire_with(
        STATEMENTS[:1], audience=Questionnaire.Audience.SUPPORTED
    )

    with pytest.raises(QuestionnaireError, match="другой группы"):
        _answer(questionnaire, TeacherFactory(school=school_b), statements, [1])


def test_the_three_hardest_statements_are_suggested(teacher_a):
    questionnaire, statements = questionnaire_with(STATEMENTS)
    _answer(questionnaire, teacher_a.teacher_profile, statements, [1, 3, 0, 2])

    top = difficulties_top(teacher=teacher_a.teacher_profile)

    assert top == [statements[1], statements[3], statements[0]]


def test_no_difficulty_is_never_suggested(teacher_a):
    questionnaire, statements = questionnaire_with(STATEMENTS[:2])
    _answer(questionnaire, teacher_a.teacher_profile, statements, [0, 0])

    assert difficulties_top(teacher=teacher_a.teacher_profile) == []


def test_an_empty_questionnaire_cannot_be_opened():
    questionnaire = QuestionnaireFactory(status=Questionnaire.Status.DRAFT)

    with pytest.raises(QuestionnaireError):
        questionnaire_open(questionnaire=questionnaire)
