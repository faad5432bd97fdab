"""The programme pages: who may open what, the happy paths, and bounded query counts."""

import pytest
from django.urls import reverse

from programmes.models import Measure, MonitoringRound, Programme, RiskProfile
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    YEAR,
    accepted,
    curate,
    factors,
    filled,
    measures_of,
    started,
    written,
)
from tests.schools.factories import SchoolFactory, TeacherFactory

LOGIN = "login"


def answer(client, url, method="get", **data):
    response = getattr(client, method)(url, data)
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return LOGIN
    return response.status_code


@pytest.fixture
def profile(school_a, director_a, methodologist):
    curate(school_a, methodologist)
    return filled(started(school_a, by=director_a), by=director_a)


# Each page × role → the status of a GET.
MATRIX = {
    "detail": {
        "anonymous": LOGIN,
        "teacher_a": 403,  # the programme is not accepted yet
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
    "profile_edit": {
        "anonymous": LOGIN,
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 403,
        "coordinator": 403,
    },
    "programme_edit": {
        "anonymous": LOGIN,
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 403,
        "coordinator": 403,
    },
    "export_pdf": {
        "anonymous": LOGIN,
        "teacher_a": 403,
        "director_a": 200,
        "director_b": 404,
        "methodologist": 200,
        "coordinator": 200,
    },
}


@pytest.mark.parametrize("page", sorted(MATRIX))
@pytest.mark.parametrize("role", sorted(MATRIX["detail"]))
def test_access_matrix(page, role, profile, cast, login):
    url = reverse(f"programmes:{page}", args=[profile.pk])
    assert answer(login(cast[role]), url) == MATRIX[page][role]


@pytest.mark.parametrize(
    "name",
    [f"{d}_{m}" for d in ("profile", "programme") for m in ("submit", "accept", "return")],
)
def test_another_schools_director_gets_404_on_every_move(name, profile, director_b, login):
    url = reverse(f"programmes:{name}", args=[profile.pk])
    assert answer(login(director_b), url, "post") == 404


def test_the_moves_take_post_only(profile, director_a, login):
    assert answer(login(director_a), reverse("programmes:profile_submit", args=[profile.pk])) == 405


def test_a_teacher_sees_the_accepted_programme_of_their_school(
    school_a, director_a, teacher_a, methodologist, login
):
    profile = accepted(school_a, by=director_a, curator=methodologist)
    client = login(teacher_a)
    response = client.get(reverse("programmes:mine"))
    assert response.status_code == 302
    assert response.url == profile.get_absolute_url()
    page = client.get(profile.get_absolute_url())
    assert page.status_code == 200
    assert "Отправить программу куратору" not in page.content.decode()
    assert answer(client, reverse("programmes:profile_edit", args=[profile.pk])) == 403


def test_only_the_curator_reviews(profile, director_a, login):
    other = UserFactory(username="metodist2", role="methodologist")
    client = login(director_a)
    client.post(reverse("programmes:profile_submit", args=[profile.pk]))
    url = reverse("programmes:profile_accept", args=[profile.pk])
    assert answer(login(other), url, "post") == 403
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.SUBMITTED


def test_the_director_starts_fills_and_submits_and_the_curator_returns(
    school_a, director_a, methodologist, login
):
    curate(school_a, methodologist)
    client = login(director_a)
    assert "Начать рисковый профиль" in client.get(reverse("programmes:mine")).content.decode()
    response = client.post(reverse("programmes:start"))
    profile = RiskProfile.objects.get(school=school_a)
    assert response.url == reverse("programmes:profile_edit", args=[profile.pk])
    data = {}
    chosen = {factor.pk for factor in factors(3)}
    for assessment in profile.assessments.all():
        key = assessment.risk_factor_id
        data[f"level_{key}"] = "high" if key in chosen else "low"
        data[f"justification_{key}"] = "Самодиагностика"
        if key in chosen:
            data[f"applies_{key}"] = "on"
    client.post(reverse("programmes:profile_edit", args=[profile.pk]), data)
    assert profile.programme.risks.count() == 3
    client.post(reverse("programmes:profile_submit", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.SUBMITTED

    curator = login(methodologist)
    url = reverse("programmes:profile_return", args=[profile.pk])
    curator.post(url, {"comment": "Обоснуйте уровень оснащения"})
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.RETURNED
    page = client.get(profile.get_absolute_url()).content.decode()
    assert "Обоснуйте уровень оснащения" in page


def test_a_measure_is_added_through_its_form(profile, director_a, login):
    risk = profile.programme.risks.first()
    response = login(director_a).post(
        reverse("programmes:measure_add", args=[risk.pk]),
        {
            "title": "Педсовет по результатам ГИА",
            "module": "management",
            "due_on": "2026-01-20",
            "responsible": "Директор",
            "indicator": "Доля сдавших ГИА",
            "target": "95",
            "higher_is_better": "on",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(risk=risk)
    assert measure.title == "Педсовет по результатам ГИА"
    assert measure.target == 95


def test_monitoring_is_entered_and_concluded(school_a, director_a, methodologist, login):
    profile = accepted(school_a, by=director_a, curator=methodologist)
    curate(school_a, methodologist)
    data = {}
    for measure in measures_of(profile):
        data[f"state_{measure.pk}"] = "in_progress"
        data[f"value_{measure.pk}"] = "80"
    url = reverse("programmes:monitoring", args=[profile.pk, "entry"])
    assert login(director_a).post(url, data).status_code == 302
    monitoring = MonitoringRound.objects.get(programme=profile.programme)
    assert monitoring.progress.count() == 3
    login(methodologist).post(
        reverse("programmes:conclude", args=[monitoring.pk]), {"conclusion": "Начало положено"}
    )
    monitoring.refresh_from_db()
    assert monitoring.conclusion == "Начало положено"
    # The conclusion shows in the programme's review thread too, as the curator's entry.
    page = login(director_a).get(profile.get_absolute_url()).content.decode()
    thread = page.split('id="programme"')[1].split('id="monitoring"')[0]
    entry = profile.programme.entries.get(monitoring_round=monitoring)
    assert f'id="programme-entry-{entry.pk}"' in thread
    assert "Заключение по входному мониторингу" in thread and "Начало положено" in thread
    assert (
        answer(login(director_a), reverse("programmes:monitoring", args=[profile.pk, "x"])) == 404
    )


def test_the_exports_are_documents(school_a, director_a, methodologist, login):
    profile = accepted(school_a, by=director_a, curator=methodologist)
    client = login(director_a)
    pdf = client.get(reverse("programmes:export_pdf", args=[profile.pk]))
    assert pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("programmes:export_docx", args=[profile.pk]))
    assert docx.content.startswith(b"PK")


def _schools(count, curator, director):
    for index in range(count):
        school = SchoolFactory(category=School.Category.LOW_RESULTS)
        TeacherFactory(school=school)
        curate(school, curator)
        if index % 2:
            accepted(school, by=director, curator=curator)
        else:
            written(filled(started(school, by=director), by=director), by=director)


@pytest.mark.parametrize("count", [2, 8])
def test_the_curator_list_costs_the_same_for_few_and_many(
    count, methodologist, director_a, login, django_assert_max_num_queries
):
    _schools(count, methodologist, director_a)
    client = login(methodologist)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("programmes:curator"), {"year": YEAR})
    assert page.status_code == 200
    assert len(page.context["rows"]) == count


@pytest.mark.parametrize("count", [2, 8])
def test_the_summary_costs_the_same_for_few_and_many(
    count, methodologist, coordinator, director_a, login, django_assert_max_num_queries
):
    _schools(count, methodologist, director_a)
    client = login(coordinator)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("programmes:summary"), {"year": YEAR})
    assert page.status_code == 200
    accepted_count = Programme.objects.filter(state="accepted").count()
    assert accepted_count == count // 2


def test_the_lists_refuse_school_staff(director_a, teacher_a, login):
    for user in (director_a, teacher_a):
        assert answer(login(user), reverse("programmes:curator")) == 403
        assert answer(login(user), reverse("programmes:summary")) == 403


def test_the_forms_render_for_the_director(profile, director_a, login):
    client = login(director_a)
    risk = profile.programme.risks.first()
    for url in (
        reverse("programmes:profile_edit", args=[profile.pk]),
        reverse("programmes:programme_edit", args=[profile.pk]),
        reverse("programmes:risk_edit", args=[risk.pk]),
        reverse("programmes:measure_add", args=[risk.pk]),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
    assert 'for="id_title"' in page.content.decode()
