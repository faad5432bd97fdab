"""Search in Russian: morphology and ranking on PostgreSQL, case folding everywhere; filters."""

import pytest

from network.models import Activity, RiskFactor
from practices.filters import PracticeFilter
from practices.models import Practice
from tests.practices.factories import published
from tests.schools.factories import SubjectFactory


def found(text, **filters):
    params = {"q": text, **filters}
    return list(PracticeFilter(params, queryset=Practice.objects.published()).qs)


@pytest.fixture
def corpus(teacher_a, methodologist):
    mathematics = SubjectFactory(name="Математика")
    risk = RiskFactor.objects.create(name="Низкая учебная мотивация обучающихся")
    return {
        "teachers": published(
            by=teacher_a,
            reviewer=methodologist,
            title="Школа молодых учителей",
            description="Наставничество для начинающих педагогов",
            kind=Practice.Kind.PRACTICE,
        ),
        "lesson": published(
            by=teacher_a,
            reviewer=methodologist,
            title="Урок решения задач",
            description="Конспект урока; роль учителя в групповой работе",
            kind=Practice.Kind.LESSON_PLAN,
            subjects=[mathematics],
            grade_from=5,
            grade_to=6,
            risk_factor=risk,
            form=Activity.Form.LESSON_VISITS,
        ),
        "other": published(
            by=teacher_a,
            reviewer=methodologist,
            title="Родительское собрание",
            description="Совместная работа с семьями",
            kind=Practice.Kind.REGULATION,
        ),
        "math": mathematics,
        "risk": risk,
    }


def test_a_word_in_another_case_finds_it_regardless_of_letter_case(corpus):
    """«УЧИТЕЛЬ» finds «учителей» and «учителя»: by a crude stem on SQLite, by morphology on PG."""
    assert set(found("УЧИТЕЛЬ")) == {corpus["teachers"], corpus["lesson"]}
    assert found("собрания") == [corpus["other"]]


@pytest.mark.postgres
def test_russian_morphology_and_ranking_on_postgresql(postgres, corpus):
    # The title weighs more than the description: «учителей» in a title ranks first.
    assert found("учитель") == [corpus["teachers"], corpus["lesson"]]
    assert found("наставник") == []  # another word, not another form
    assert found("педагог") == [corpus["teachers"]]
    assert found("семья") == [corpus["other"]]
    vector = Practice.objects.filter(pk=corpus["lesson"].pk).values_list("search_vector", flat=True)
    assert "'учител'" in vector[0]


@pytest.mark.postgres
def test_the_search_vector_has_a_gin_index(postgres):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'practices_practice_search_gin'"
        )
        assert "gin (search_vector)" in cursor.fetchone()[0]


def test_filters_by_subject_class_kind_risk_school_and_form(corpus, school_a, school_b):
    lesson = corpus["lesson"]
    assert found("", subject=corpus["math"].pk) == [lesson]
    assert found("", grade=5) == [lesson]
    assert found("", grade=9) == []
    assert found("", kind=Practice.Kind.LESSON_PLAN) == [lesson]
    assert found("", risk_factor=corpus["risk"].pk) == [lesson]
    assert found("", form=Activity.Form.LESSON_VISITS) == [lesson]
    assert len(found("", school=school_a.pk)) == 3
    assert found("", school=school_b.pk) == []
    assert found("учитель", kind=Practice.Kind.PRACTICE) == [corpus["teachers"]]


def test_the_most_useful_first_without_a_search(corpus):
    Practice.objects.filter(pk=corpus["other"].pk).update(useful_count=5)
    Practice.objects.filter(pk=corpus["lesson"].pk).update(download_count=3)
    assert found("")[:2] == [corpus["other"], corpus["lesson"]]


def test_unpublished_practices_are_not_found(teacher_a):
    from tests.practices.factories import draft

    draft(by=teacher_a, title="Черновик про учителей")
    assert found("учителей") == []
