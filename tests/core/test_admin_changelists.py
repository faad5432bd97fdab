"""The region-sized admin changelists: the same queries for 3 rows or 60, a page at a time."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.models import Teacher
from tests.development.factories import DevelopmentPlanFactory
from tests.events.factories import RegistrationFactory
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.schools.factories import SchoolFactory, SubjectFactory, TeacherFactory

pytestmark = pytest.mark.django_db

CODES = ["olympiad_school_math", "gia_passed_share"]


def teachers(n):
    for _ in range(n):
        TeacherFactory().subjects.add(SubjectFactory())


def registrations(n):
    RegistrationFactory.create_batch(n)


def values(n):
    for i in range(n):
        ValueFactory(school=SchoolFactory(), code=CODES[i % 2], period=PeriodFactory())


def plans(n):
    DevelopmentPlanFactory.create_batch(n)


CHANGELISTS = {
    "admin:schools_teacher_changelist": teachers,
    "admin:events_registration_changelist": registrations,
    "admin:monitoring_indicatorvalue_changelist": values,
    "admin:development_developmentplan_changelist": plans,
}


def queries_of(client, url):
    # A first visit may fill the kept permissions and menu; the second is what every
    # later visit costs.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelist_costs_the_same_for_3_and_60_rows(login, methodologist, name):
    client = login(methodologist)
    url = reverse(name)
    CHANGELISTS[name](3)
    small, _ = queries_of(client, url)
    CHANGELISTS[name](57)
    large, response = queries_of(client, url)

    assert large == small <= 15
    assert len(response.context["cl"].result_list) == 50  # a page, not the table
    assert response.context["cl"].result_count == 60


def test_plans_changelist_lists_the_newest_year_first(login, methodologist):
    older = DevelopmentPlanFactory(year=2023)
    newer = DevelopmentPlanFactory(year=2024, teacher=older.teacher)
    DevelopmentPlanFactory(year=2023)

    response = login(methodologist).get(reverse("admin:development_developmentplan_changelist"))

    listed = list(response.context["cl"].result_list)
    assert listed[0] == newer
    assert [plan.year for plan in listed] == [2024, 2023, 2023]


def test_row_checkbox_is_the_markup_django_renders():
    teacher = TeacherFactory(last_name='О"Нил <b>&')
    model_admin = admin.site._registry[Teacher]

    assert model_admin.action_checkbox(teacher) == ModelAdmin.action_checkbox(model_admin, teacher)
    assert f'value="{teacher.pk}"' in model_admin.action_checkbox(teacher)
