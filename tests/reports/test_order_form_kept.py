"""The empty order form on the reports page is rendered once per kinds and fields its
reader may use: a new period shows in it, and a director never gets the centre's form."""

import pytest
from django.urls import reverse

from tests.monitoring.factories import PeriodFactory

pytestmark = pytest.mark.django_db
FORM = "reports/_order_form.html"


def reports_page(client):
    response = client.get(reverse("reports:report_list"))
    assert response.status_code == 200
    return response


def rendered(response):
    return FORM in [t.name for t in response.templates]


def test_the_form_is_rendered_once_and_follows_a_new_period(login, methodologist, coordinator):
    PeriodFactory(year=2025)
    assert rendered(reports_page(login(methodologist)))
    second = reports_page(login(coordinator))
    assert not rendered(second)
    assert 'name="conclusion"' in second.content.decode()

    PeriodFactory(year=2026)

    assert "2026/2027" in reports_page(login(coordinator)).content.decode()


def test_a_director_gets_the_form_of_their_own_rights(login, methodologist, director_a):
    assert 'name="conclusion"' in reports_page(login(methodologist)).content.decode()

    page = reports_page(login(director_a)).content.decode()

    assert 'name="kind"' in page
    assert 'name="conclusion"' not in page
    assert 'value="municipal"' not in page
