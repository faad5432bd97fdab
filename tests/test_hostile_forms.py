"""Forms that crashed on hostile values found by a POST sweep now answer with a form error."""

import pytest
from django.test import Client
from django.urls import reverse

from monitoring.catalogue import CATALOGUE, ENTERED, PERCENT
from monitoring.models import IndicatorValue
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory

HUGE_NUMBER = "99999999999999999999"


def entered_form(value):
    data = {"action": "save"}
    for entry in CATALOGUE:
        if entry.source != ENTERED:
            continue
        if entry.unit == PERCENT:
            data[f"{entry.code}__numerator"] = value
            data[f"{entry.code}__denominator"] = value
        else:
            data[entry.code] = value
    return data


@pytest.mark.parametrize("value", [HUGE_NUMBER, "1e15", "-99999999999"])
def test_an_indicator_value_too_large_for_its_column_is_a_form_error(
    settings, login, director_a, school_a, value
):
    settings.DEBUG = False
    period = PeriodFactory(year=2025)
    client = login(director_a)
    client.raise_request_exception = False
    url = reverse("monitoring:entry", args=[school_a.pk, period.pk])

    response = client.post(url, entered_form(value))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not IndicatorValue.objects.exists()
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("target", ["-1", "events:list", "//elsewhere.example.org/", ""])
def test_cancelling_goes_back_only_to_a_path_of_the_portal(settings, teacher_a, target):
    settings.DEBUG = False
    registration = RegistrationFactory(event=EventFactory(), teacher=teacher_a.teacher_profile)
    client = Client(raise_request_exception=False)
    client.force_login(teacher_a)

    response = client.post(
        reverse("events:registration_cancel", args=[registration.pk]), {"next": target}
    )

    assert response.status_code == 302
    assert response.url == reverse("events:my")
