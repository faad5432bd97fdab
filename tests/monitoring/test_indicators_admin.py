"""The admin of the indicators area, as a methodologist uses it."""

import pytest
from django.urls import reverse

from monitoring.models import Target
from tests.monitoring.factories import ValueFactory, indicator

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["indicator", "period", "indicatorvalue", "target", "indicatorsubmission"]
)
def test_methodologist_opens_every_list(model, methodologist, school_a, period, login):
    ValueFactory(school=school_a, period=period)
    response = login(methodologist).get(reverse(f"admin:monitoring_{model}_changelist"))
    assert response.status_code == 200


def test_values_are_read_only_in_the_admin(methodologist, school_a, period, login):
    value = ValueFactory(school=school_a, period=period)
    url = reverse("admin:monitoring_indicatorvalue_change", args=[value.pk])
    login(methodologist).post(url, {"value": "99"})
    value.refresh_from_db()
    assert value.value == 10


def test_target_form_refuses_a_share_above_100(methodologist, period, login):
    url = reverse("admin:monitoring_target_add")
    data = {"indicator": indicator("gia_passed_share").pk, "period": period.pk, "value": "120"}
    response = login(methodologist).post(url, data)
    assert "больше 100" in response.content.decode()
    data["value"] = "92"
    login(methodologist).post(url, data)
    target = Target.objects.get()
    assert target.value == 92 and target.history.first().history_user == methodologist


def test_lock_action_locks_the_period(methodologist, period, login):
    login(methodologist).post(
        reverse("admin:monitoring_period_changelist"),
        {"action": "lock", "_selected_action": [period.pk]},
    )
    period.refresh_from_db()
    assert period.is_locked
