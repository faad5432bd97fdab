"""The filters of the plan lists and of the diagnostics results: the same parameters as
ever, and a bad value never fails."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan
from development.services.questionnaires import response_submit
from tests.development.factories import DevelopmentPlanFactory, questionnaire_with
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db

PLAN_LIST = reverse("development:plan_list")


def teachers(page):
    return sorted(t.last_name for t in page.object_list)


@pytest.mark.parametrize("year", ["abc", "1999", "2101", ""])
def test_a_bad_year_shows_the_current_one(login, methodologist, year):
    response = login(methodologist).get(PLAN_LIST, {"year": year})

    assert response.status_code == 200
    assert response.context["year"] == current_academic_year()


def test_a_chosen_year_is_offered_among_the_years(login, methodologist):
    response = login(methodologist).get(PLAN_LIST, {"year": "2019"})

    assert response.context["year"] == 2019
    assert (2019, "2019/2020") in response.context["years"]


def test_the_centre_filters_by_school(login, methodologist, school_a, school_b):
    TeacherFactory(school=school_a, last_name="Алексеева")
    TeacherFactory(school=school_b, last_name="Борисова")

    page = login(methodologist).get(PLAN_LIST, {"school": school_b.pk}).context["page"]

    assert teachers(page) == ["Борисова"]


@pytest.mark.parametrize("school", ["999999", "abc"])
def test_an_unknown_school_matches_no_teacher(login, methodologist, school_a, school):
    TeacherFactory(school=school_a)

    response = login(methodologist).get(PLAN_LIST, {"school": school})

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


def test_a_director_cannot_filter_another_school(login, director_a, school_a, school_b):
    TeacherFactory(school=school_a, last_name="Алексеева")
    TeacherFactory(school=school_b, last_name="Борисова")

    response = login(director_a).get(PLAN_LIST, {"school": school_b.pk})

    assert teachers(response.context["page"]) == ["Алексеева"]
    assert 'name="school"' not in response.content.decode()


def test_state_filter_looks_at_the_plans_of_the_chosen_year(login, director_a, school_a):
    submitted = TeacherFactory(school=school_a, last_name="Алексеева")
    DevelopmentPlanFactory(teacher=submitted, status=DevelopmentPlan.Status.SUBMITTED)
    last_year = TeacherFactory(school=school_a, last_name="Борисова")
    DevelopmentPlanFactory(
        teacher=last_year,
        status=DevelopmentPlan.Status.SUBMITTED,
        year=current_academic_year() - 1,
    )
    client = login(director_a)

    this_year = client.get(PLAN_LIST, {"status": DevelopmentPlan.Status.SUBMITTED})
    before = client.get(
        PLAN_LIST,
        {"status": DevelopmentPlan.Status.SUBMITTED, "year": current_academic_year() - 1},
    )

    assert teachers(this_year.context["page"]) == ["Алексеева"]
    assert teachers(before.context["page"]) == ["Борисова"]


@pytest.mark.parametrize("status", ["bogus", ""])
def test_an_unknown_state_is_ignored(login, director_a, school_a, status):
    TeacherFactory(school=school_a, last_name="Алексеева")

    response = login(director_a).get(PLAN_LIST, {"status": status})

    assert response.status_code == 200
    assert "Алексеева" in teachers(response.context["page"])


def test_the_filters_are_shown_as_chosen(login, methodologist, school_b):
    content = (
        login(methodologist)
        .get(PLAN_LIST, {"school": school_b.pk, "status": "none", "overdue": "1", "q": "Бор"})
        .content.decode()
    )

    # The school is typed (with suggestions), not picked from every school of the region.
    assert f'name="school" value="{" ".join(str(school_b).split())}"' in content
    assert 'data-suggest-url="/schools/suggest/"' in content
    assert '<option value="none" selected>' in content
    assert 'id="f-overdue" checked' in content
    assert 'value="Бор"' in content


def test_figures_by_school_filter_by_category(login, coordinator, school_a, school_b):
    summary = reverse("development:plan_summary")

    response = login(coordinator).get(summary, {"category": school_b.category, "year": "x"})

    assert [s.pk for s in response.context["schools"]] == [school_b.pk]
    assert response.context["year"] == current_academic_year()


def test_figures_by_school_ignore_an_unknown_category(login, coordinator, school_a, school_b):
    response = login(coordinator).get(reverse("development:plan_summary"), {"category": "x"})

    assert response.status_code == 200
    assert {s.pk for s in response.context["schools"]} == {school_a.pk, school_b.pk}


def test_the_export_takes_the_same_filters(login, methodologist, school_a, school_b):
    TeacherFactory(school=school_a, last_name="Алексеева")
    TeacherFactory(school=school_b, last_name="Борисова")

    response = login(methodologist).get(
        reverse("development:plan_export"), {"school": school_a.pk, "year": "abc"}
    )

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert response["Content-Disposition"].endswith(f'plans-{current_academic_year()}.xlsx"')
    assert [row[1].split()[0] for row in rows[1:]] == ["Алексеева"]


@pytest.fixture
def answered(teacher_a, school_b):
    """A questionnaire answered by a teacher of school A and one of school B."""
    questionnaire, statements = questionnaire_with(["Работа с родителями обучающихся"])
    for teacher in (teacher_a.teacher_profile, TeacherFactory(school=school_b)):
        response_submit(questionnaire=questionnaire, teacher=teacher, answers={statements[0].pk: 3})
    return questionnaire


def results_of(client, questionnaire, **params):
    return client.get(reverse("development:questionnaire_results", args=[questionnaire.pk]), params)


@pytest.mark.parametrize("category", ["bogus", ""])
def test_results_ignore_an_unknown_category(login, coordinator, answered, category):
    response = results_of(login(coordinator), answered, category=category)

    assert response.status_code == 200
    assert len(response.context["results"].schools) == 2


def test_a_director_cannot_widen_the_results_by_category(login, director_a, school_a, answered):
    response = results_of(login(director_a), answered, category="leader")

    assert [school.pk for school in response.context["results"].schools] == [school_a.pk]
    assert 'name="category"' not in response.content.decode()
    assert {r.school_id for r in response.context["page"].object_list} == {school_a.pk}


def test_the_results_export_takes_the_category(login, methodologist, answered, school_a, school_b):
    response = login(methodologist).get(
        reverse("development:questionnaire_export", args=[answered.pk]),
        {"category": school_b.category},
    )

    sheet = load_workbook(BytesIO(response.content))["По школам"]
    headers = next(sheet.iter_rows(values_only=True))
    assert headers[3:] == (school_b.short_name,)
