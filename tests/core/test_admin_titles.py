"""The admin names models in the right case: «Выберите школу», not «Выберите школа»."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_ru(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_school_list_and_forms_use_the_accusative(admin_client_ru):
    school = SchoolFactory()
    listing = admin_client_ru.get(reverse("admin:schools_school_changelist")).content.decode()
    adding = admin_client_ru.get(reverse("admin:schools_school_add")).content.decode()
    changing = admin_client_ru.get(
        reverse("admin:schools_school_change", args=[school.pk])
    ).content.decode()

    assert "Выберите школу для изменения" in listing
    assert "Добавить школу" in listing
    assert "Добавить школу" in adding
    assert "Изменить школу" in changing


def test_teacher_list_uses_the_accusative_of_an_animate_noun(admin_client_ru):
    listing = admin_client_ru.get(reverse("admin:schools_teacher_changelist")).content.decode()
    assert "Выберите учителя для изменения" in listing
