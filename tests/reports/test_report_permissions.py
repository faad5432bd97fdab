"""Who orders which report about what: reports.order_any_report for the centre."""

import pytest

from reports.forms import ReportOrderForm
from reports.models import Report
from reports.rules import kinds_for, may_order_about
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

CENTRE_ONLY_FIELDS = {"period", "event", "conclusion"}


@pytest.mark.parametrize("role", ROLES[1:])
def test_only_the_centre_orders_any_report(cast, role):
    assert cast[role].has_perm("reports.order_any_report") is (
        role in ("methodologist", "coordinator")
    )


def test_the_centre_orders_every_kind_about_any_school(coordinator, school_b):
    form = ReportOrderForm(user=coordinator)

    assert kinds_for(coordinator) == list(Report.Kind)
    assert may_order_about(coordinator, Report.Kind.SCHOOL, school_b)
    assert set(form.fields) >= CENTRE_ONLY_FIELDS
    assert school_b in form.fields["school"].queryset


def test_a_director_orders_her_schools_and_partnerships_reports(director_a, school_a, school_b):
    form = ReportOrderForm(user=director_a)

    assert kinds_for(director_a) == [Report.Kind.SCHOOL, Report.Kind.PARTNERSHIP]
    assert may_order_about(director_a, Report.Kind.SCHOOL, school_a)
    assert not may_order_about(director_a, Report.Kind.SCHOOL, school_b)
    assert not CENTRE_ONLY_FIELDS & set(form.fields)
    assert list(form.fields["school"].queryset) == [school_a]


def test_a_teacher_orders_nothing(teacher_a):
    assert kinds_for(teacher_a) == []
