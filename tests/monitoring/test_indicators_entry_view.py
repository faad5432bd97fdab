"""The entry page: a director saves and submits; a methodologist approves or returns."""

import pytest
from django.urls import reverse

from monitoring.catalogue import CATALOGUE, ENTERED, PERCENT
from monitoring.models import IndicatorSubmission, IndicatorValue
from monitoring.services.indicators import period_lock
from tests.monitoring.factories import ValueFactory

pytestmark = pytest.mark.django_db
S = IndicatorSubmission.State


def full_form(**overrides):
    data = {}
    for entry in CATALOGUE:
        if entry.source != ENTERED:
            continue
        if entry.unit == PERCENT:
            data[f"{entry.code}__numerator"] = "40"
            data[f"{entry.code}__denominator"] = "50"
        else:
            data[entry.code] = "4"
    data.update(overrides)
    return data


def entry_url(school, period):
    return reverse("monitoring:entry", args=[school.pk, period.pk])


def state(school, period):
    return IndicatorSubmission.objects.get(school=school, period=period).state


def test_director_saves_a_draft(director_a, school_a, period, login):
    response = login(director_a).post(entry_url(school_a, period), full_form(action="save"))
    assert response.status_code == 302
    assert IndicatorValue.objects.filter(school=school_a, period=period).count() == 8
    assert state(school_a, period) == S.DRAFT


def test_director_sees_last_years_value_beside_the_field(
    director_a, school_a, period, last_period, login
):
    ValueFactory(school=school_a, period=last_period, code="olympiad_school_math", value=17)
    page = login(director_a).get(entry_url(school_a, period)).content.decode()
    assert "В прошлом периоде: 17" in page


def test_director_submits_and_form_refuses_bad_values(director_a, school_a, period, login):
    client = login(director_a)
    bad = full_form(action="submit", olympiad_winners_math="9")
    response = client.post(entry_url(school_a, period), bad)
    assert response.status_code == 200
    assert "Не может быть больше" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    client.post(entry_url(school_a, period), full_form(action="submit"))
    assert state(school_a, period) == S.SUBMITTED


def test_director_of_other_school_cannot_post(director_b, school_a, period, login):
    response = login(director_b).post(entry_url(school_a, period), full_form())
    assert response.status_code == 404
    assert not IndicatorValue.objects.exists()


def test_coordinator_may_read_but_not_post(coordinator, school_a, period, login):
    assert login(coordinator).post(entry_url(school_a, period), full_form()).status_code == 403


def test_locked_period_shows_the_reason(director_a, school_a, period, methodologist, login):
    period_lock(period=period, by=methodologist)
    response = login(director_a).post(entry_url(school_a, period), full_form(action="save"))
    assert "заблокирован" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_methodologist_approves(director_a, methodologist, school_a, period, login):
    login(director_a).post(entry_url(school_a, period), full_form(action="submit"))
    url = reverse("monitoring:submission_approve", args=[school_a.pk, period.pk])
    assert login(methodologist).get(url).status_code == 405
    assert login(director_a).post(url).status_code == 403
    assert login(methodologist).post(url).status_code == 302
    assert state(school_a, period) == S.APPROVED


def test_methodologist_returns_with_a_comment(director_a, methodologist, school_a, period, login):
    login(director_a).post(entry_url(school_a, period), full_form(action="submit"))
    url = reverse("monitoring:submission_return", args=[school_a.pk, period.pk])
    client = login(methodologist)
    client.post(url, {"comment": ""})
    assert state(school_a, period) == S.SUBMITTED
    client.post(url, {"comment": "Сверьте с протоколом"})
    assert state(school_a, period) == S.RETURNED
    page = login(director_a).get(entry_url(school_a, period)).content.decode()
    assert "Сверьте с протоколом" in page


def test_submission_list_filters_by_state(methodologist, school_a, school_b, period, login):
    IndicatorSubmission.objects.create(school=school_a, period=period, state=S.SUBMITTED)
    client = login(methodologist)
    page = client.get(reverse("monitoring:submissions"), {"state": "submitted"})
    assert str(school_a) in page.content.decode()
    assert str(school_b) not in page.content.decode()
    page = client.get(reverse("monitoring:submissions"), {"state": "none"})
    assert str(school_b) in page.content.decode()


def test_period_lock_view(methodologist, coordinator, period, login):
    url = reverse("monitoring:period_state", args=[period.pk])
    assert login(coordinator).post(url, {"state": "locked"}).status_code == 403
    assert login(methodologist).get(url).status_code == 405
    login(methodologist).post(url, {"state": "locked"})
    period.refresh_from_db()
    assert period.is_locked


def test_recalculate_view_runs_the_task(
    methodologist, period, school_a, login, django_capture_on_commit_callbacks
):
    url = reverse("monitoring:period_recalculate", args=[period.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(methodologist).post(url)
    assert response.status_code == 302


def test_reading_the_page_creates_nothing(coordinator, school_a, period, login):
    assert login(coordinator).get(entry_url(school_a, period)).status_code == 200
    assert not IndicatorSubmission.objects.exists()
