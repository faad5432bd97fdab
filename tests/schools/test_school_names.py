"""A school's name is stored as typed and shown with «№» kept beside its number."""

import pytest
from django.urls import reverse

from events.texts import event_location
from schools.models import School
from tests.events.factories import EventFactory
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def test_school_is_shown_with_a_non_breaking_space_after_numero():
    school = SchoolFactory(short_name="Гимназия № 10", full_name="МАОУ «Гимназия №10»")

    assert str(school) == "Гимназия №\u00a010"
    assert school.display_full_name == "МАОУ «Гимназия №\u00a010»"


def test_school_name_is_stored_as_typed():
    school = SchoolFactory(short_name="Гимназия № 10")

    assert School.objects.get(pk=school.pk).short_name == "Гимназия № 10"


def test_school_page_never_breaks_a_name_after_numero(client, methodologist):
    school = SchoolFactory(short_name="Гимназия № 10", full_name="МАОУ «Гимназия № 10»")
    client.force_login(methodologist)

    page = client.get(reverse("schools:detail", args=[school.pk])).content.decode()

    assert "Гимназия №\u00a010" in page
    assert "Гимназия № 10" not in page


def test_letters_and_calendars_name_the_host_school_unbroken(db):
    school = SchoolFactory(short_name="Гимназия № 10", address="ул. Мира, 1")

    assert event_location(EventFactory(host_school=school, venue="")) == (
        "Гимназия №\u00a010, ул. Мира, 1"
    )
