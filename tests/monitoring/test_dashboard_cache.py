"""Dashboard figures come from the shared cache until monitoring data changes."""

import socket

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import IndicatorSubmission, IndicatorValue
from monitoring.services.indicator_import import indicator_import_apply
from monitoring.services.indicators import submission_approve
from schools.models import School
from tests.monitoring.factories import ValueFactory
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db

MUNICIPAL = reverse("monitoring:dashboard_municipal")
AVERAGE = "среднее по муниципалитету: {}"
SCHOOL_AVERAGE = "Среднее по муниципалитету</th><td>{}</td>"


@pytest.fixture
def schools(db):
    return [
        SchoolFactory(short_name=f"МАОУ СОШ № {n}", category=School.Category.LOW_RESULTS)
        for n in (7, 8)
    ]


def _page(client, url=MUNICIPAL, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _average_of(period, first, second, schools):
    ValueFactory(school=schools[0], period=period, code="gia_passed_share", value=first)
    ValueFactory(school=schools[1], period=period, code="gia_passed_share", value=second)


def _saved_value_is_shown(schools, period, client):
    _average_of(period, 40, 60, schools)
    assert AVERAGE.format("50") in _page(client)
    stored = IndicatorValue.objects.get(school=schools[0], indicator__code="gia_passed_share")
    stored.value = 80
    stored.save()
    assert AVERAGE.format("70") in _page(client)


def test_second_visit_reads_the_figures_from_the_cache(schools, period, coordinator, login):
    _average_of(period, 40, 60, schools)
    client = login(coordinator)
    with CaptureQueriesContext(connection) as first:
        assert AVERAGE.format("50") in _page(client)
    with CaptureQueriesContext(connection) as second:
        assert AVERAGE.format("50") in _page(client)
    # The average, the ranking, its ends, the trend and the warnings are not read again.
    assert len(second) <= len(first) - 5, (len(first), len(second))


def test_a_value_saved_after_the_figures_were_kept_is_shown(schools, period, coordinator, login):
    _saved_value_is_shown(schools, period, login(coordinator))


def test_an_imported_file_is_shown_at_once(schools, period, coordinator, methodologist, login):
    """The import writes in bulk, without signals; it tells the figures itself."""
    _average_of(period, 40, 60, schools)
    client = login(coordinator)
    assert AVERAGE.format("50") in _page(client)
    SchoolFactory(short_name="МАОУ СОШ № 9", category=School.Category.LOW_RESULTS)
    rows = [["МАОУ СОШ № 7", 90], ["МАОУ СОШ № 9", 20]]  # one value changed, one new
    data = xlsx_bytes(["Школа", "gia_passed_share"], rows)
    indicator_import_apply(data=data, filename="svod.xlsx", period=period, by=methodologist)
    assert AVERAGE.format("56,7") in _page(client)


def test_an_approved_submission_is_shown_at_once(
    schools, period, coordinator, methodologist, login
):
    _average_of(period, 40, 60, schools)
    entered = IndicatorValue.objects.get(school=schools[1], indicator__code="gia_passed_share")
    entered.source = entered.indicator.Source.ENTERED
    entered.save()
    submission = IndicatorSubmission.objects.create(
        school=schools[1], period=period, state=IndicatorSubmission.State.SUBMITTED
    )
    client = login(coordinator)
    assert AVERAGE.format("40") in _page(client)  # the entered value is not published yet
    submission_approve(submission=submission, by=methodologist)
    assert AVERAGE.format("50") in _page(client)


def test_the_school_dashboard_follows_a_change_too(schools, period, methodologist, login):
    _average_of(period, 40, 60, schools)
    url = reverse("monitoring:dashboard_school", args=[schools[0].pk])
    client = login(methodologist)
    assert SCHOOL_AVERAGE.format("50") in _page(client, url)
    ValueFactory(school=SchoolFactory(), period=period, code="gia_passed_share", value=20)
    page = _page(client, url)
    assert SCHOOL_AVERAGE.format("40") in page
    assert '<td class="text-end">40</td>' in page  # the school's own value, read live


def test_figures_kept_in_redis_follow_a_change(shared_redis, schools, period, coordinator, login):
    _average_of(period, 40, 60, schools)
    client = login(coordinator)
    assert AVERAGE.format("50") in _page(client)
    assert AVERAGE.format("50") in _page(client)
    stored = IndicatorValue.objects.get(school=schools[1], indicator__code="gia_passed_share")
    stored.delete()
    assert AVERAGE.format("40") in _page(client)


def test_a_cache_that_is_down_costs_speed_not_the_page(
    settings, schools, period, coordinator, login
):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    _saved_value_is_shown(schools, period, login(coordinator))
