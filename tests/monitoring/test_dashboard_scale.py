"""The dashboards cost the same number of queries, and stay small, whatever the region's size."""

import datetime
import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Target
from network.models import Partnership
from schools.models import CategoryRecord, School
from tests.monitoring.factories import PeriodFactory
from tests.network.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
MAX_HTML = 200 * 1024


def _region(schools_count, offset, periods=None):
    """Schools of every category, every indicator over three periods, with targets."""
    rng = random.Random(schools_count)
    categories = list(School.Category.values)
    School.objects.bulk_create(
        School(
            short_name=f"Школа № {offset + n}",
            full_name=f"Школа № {offset + n}",
            settlement="Тобольск",
            category=categories[n % 4],
        )
        for n in range(schools_count)
    )
    names = [f"Школа № {offset + n}" for n in range(schools_count)]
    schools = list(School.objects.filter(short_name__in=names))
    periods = periods or [PeriodFactory(year=year) for year in (2023, 2024, 2025)]
    CategoryRecord.objects.bulk_create(
        CategoryRecord(school=s, year=p.starts_on.year, category=s.category)
        for s in schools
        for p in periods
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=i,
            school=s,
            period=p,
            value=Decimal(rng.randint(0, 100)),
            source=Indicator.Source.ENTERED,
        )
        for i in Indicator.objects.all()
        for s in schools
        for p in periods
    )
    IndicatorSubmission.objects.bulk_create(
        IndicatorSubmission(school=s, period=p, state=IndicatorSubmission.State.APPROVED)
        for s in schools
        for p in periods
    )
    Target.objects.bulk_create(
        Target(indicator=i, period=periods[-1], school=s, value=50)
        for i in Indicator.objects.all()
        for s in schools[::2]
    )
    leaders = [s for s in schools if s.category == School.Category.LEADER]
    low = [s for s in schools if s.category == School.Category.LOW_RESULTS]
    for leader, supported in zip(leaders, low, strict=False):
        PartnershipFactory(leader=leader, schools=[supported], starts_on=datetime.date(2024, 9, 1))
    return schools, periods


def _cost(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), len(response.content)


def _pages(schools):
    partnership = Partnership.objects.order_by("pk").first()
    return [
        reverse("monitoring:dashboard_municipal"),
        reverse("monitoring:dashboard_school", args=[schools[0].pk]),
        reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
        reverse("monitoring:dashboard_municipal") + "?page=2&ranking_page=2",
    ]


@pytest.mark.parametrize("size", [12, 120])
def test_dashboards_stay_bounded_and_small(size, coordinator, login):
    schools, _periods = _region(size, offset=1000)
    client = login(coordinator)
    for url in _pages(schools):
        client.get(url)  # the session and the caches of the first request are not the page's
        queries, html = _cost(client, url)
        assert queries <= MAX_QUERIES, (url, queries)
        assert html <= MAX_HTML, (url, html)


def test_query_count_does_not_grow_with_the_schools(coordinator, login):
    small, periods = _region(8, offset=1000)
    client = login(coordinator)
    before = [_cost(client, url)[0] for url in _pages(small) for _ in (0, 1)][1::2]
    _region(100, offset=2000, periods=periods)
    after = [_cost(client, url)[0] for url in _pages(small) for _ in (0, 1)][1::2]
    # A list that was empty skips its query, and a second ranking page that does not exist
    # yet shows the first, whose rows also give the chart's best; nothing else may grow.
    assert all(a - b <= 2 for a, b in zip(after, before, strict=True)), (before, after)
    assert all(a - b <= 1 for a, b in zip(after[:3], before[:3], strict=True)), (before, after)
