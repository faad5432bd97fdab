from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from events.models import Registration
from schools.models import School
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded():
    event = EventFactory(capacity=200)
    schools = [SchoolFactory(category=c) for c in School.Category.values]
    for n in range(300):
        RegistrationFactory(
            event=event,
            teacher=TeacherFactory(school=schools[n % len(schools)]),
            status=Registration.Status.CONFIRMED if n < 200 else Registration.Status.WAITLISTED,
        )
    return event


def test_registrations_list_costs_the_same_queries_for_hundreds(
    login, methodologist, crowded, django_assert_max_num_queries
):
    client = login(methodologist)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("events:registrations", args=[crowded.pk]))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 300


def test_registrations_list_filters_by_state_and_category(login, coordinator, crowded):
    url = reverse("events:registrations", args=[crowded.pk])
    client = login(coordinator)
    waiting = client.get(url, {"status": Registration.Status.WAITLISTED}).context["page"]
    assert waiting.paginator.count == 100
    low = client.get(url, {"category": School.Category.LOW_RESULTS}).context["page"]
    assert low.paginator.count == 75


def test_export_is_an_xlsx_with_every_filtered_row_and_escaped_formulas(
    login, methodologist, event, django_assert_max_num_queries
):
    RegistrationFactory(event=event, teacher=TeacherFactory(last_name="=HYPERLINK(1)"))
    RegistrationFactory(event=event, teacher=TeacherFactory(last_name="Петрова"))
    client = login(methodologist)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("events:export", args=[event.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Фамилия", "Имя", "Отчество")
    surnames = sorted(row[0] for row in rows[1:])
    assert surnames == ["'=HYPERLINK(1)", "Петрова"]
