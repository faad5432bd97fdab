"""Dashboard pages: what they show, and a bounded number of queries at 100 schools."""

import datetime
import random
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Target
from schools.models import CategoryRecord, School
from tests.monitoring.factories import PeriodFactory, ValueFactory, indicator, partnership_of
from tests.network.factories import PartnershipFactory
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality(db):
    """100 schools of every category with every indicator over three periods."""
    rng = random.Random(1)
    categories = list(School.Category.values)
    School.objects.bulk_create(
        School(
            short_name=f"Школа № {n}",
            full_name=f"Школа № {n}",
            settlement="Тобольск",
            category=categories[n % 4],
        )
        for n in range(100)
    )
    schools = list(School.objects.all())
    periods = [PeriodFactory(year=year) for year in (2023, 2024, 2025)]
    CategoryRecord.objects.bulk_create(
        CategoryRecord(school=s, year=p.starts_on.year, category=s.category)
        for s in schools
        for p in periods
    )
    indicators = list(Indicator.objects.all())
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=i,
            school=s,
            period=p,
            value=Decimal(rng.randint(0, 100)),
            source=Indicator.Source.ENTERED,
        )
        for i in indicators
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
        for i in indicators
        for s in schools[:50]
    )
    leaders = [s for s in schools if s.category == School.Category.LEADER]
    low = [s for s in schools if s.category == School.Category.LOW_RESULTS]
    for leader, supported in zip(leaders[:5], low[:5], strict=True):
        PartnershipFactory(leader=leader, schools=[supported], starts_on=datetime.date(2024, 9, 1))
    return schools, periods


def test_municipal_dashboard_queries_are_bounded(
    municipality, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("monitoring:dashboard_municipal"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == 2 and "<title>" in page
    # 100 schools: the chart draws the ten best and the ten lowest, the table pages by 25.
    assert "Лучшие и отстающие школы из 100" in page
    assert page.count('href="/monitoring/dashboards/schools/') >= 25 + 20
    assert "ranking_page=2#ranking" in page


def test_school_dashboard_queries_are_bounded(
    municipality, methodologist, login, django_assert_max_num_queries
):
    schools, _periods = municipality
    client = login(methodologist)
    url = reverse("monitoring:dashboard_school", args=[schools[0].pk])
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
    assert "Среднее по муниципалитету" in response.content.decode()


def test_partnership_dashboard_queries_are_bounded(
    municipality, methodologist, login, django_assert_max_num_queries
):
    from network.models import Partnership

    client = login(methodologist)
    url = reverse("monitoring:dashboard_partnership", args=[Partnership.objects.first().pk])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert "начало партнёрства" in response.content.decode()


def test_submission_list_queries_are_bounded(
    municipality, methodologist, login, django_assert_max_num_queries
):
    client = login(methodologist)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("monitoring:submissions"))
    assert response.status_code == 200


def test_status_against_target_is_shown_in_words_and_colour(school_a, methodologist, login, period):
    ValueFactory(school=school_a, period=period, code="gia_passed_share", value=60)
    Target.objects.create(
        indicator=indicator("gia_passed_share"), period=period, school=school_a, value=90
    )
    page = (
        login(methodologist)
        .get(reverse("monitoring:dashboard_school", args=[school_a.pk]), {"period": period.pk})
        .content.decode()
    )
    assert 'class="badge text-bg-danger">✗ Далеко от цели' in page


def test_empty_dashboard_says_so(coordinator, login):
    page = login(coordinator).get(reverse("monitoring:dashboard_municipal")).content.decode()
    assert "Пока нечего показать" in page


def test_dashboard_shows_a_new_value(coordinator, login, period):
    school = SchoolFactory(category=School.Category.LOW_RESULTS)
    ValueFactory(school=school, period=period, code="gia_passed_share", value=77)
    page = login(coordinator).get(reverse("monitoring:dashboard_municipal")).content.decode()
    assert str(school) in page and "77" in page


def test_partnership_page_shows_the_chosen_supported_school(methodologist, login, period):

    first = SchoolFactory(short_name="Первая ШНОР", category=School.Category.LOW_RESULTS)
    second = SchoolFactory(short_name="Вторая ШНОР", category=School.Category.LOW_RESULTS)
    partnership = partnership_of(first)
    partnership.schools.add(second)
    ValueFactory(school=second, period=period, code="gia_passed_share", value=66)
    url = reverse("monitoring:dashboard_partnership", args=[partnership.pk])
    page = login(methodologist).get(url, {"school": second.pk}).content.decode()
    assert "<strong>Вторая ШНОР</strong>" in page
    assert f'name="school" value="{second.pk}"' in page
    assert "66" in page
