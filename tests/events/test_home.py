import pytest
from django.urls import reverse

from events.models import Registration
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_teacher_sees_upcoming_events_on_the_home_page(login, teacher_a, event, past_event):
    RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    RegistrationFactory(event=past_event, teacher=teacher_a.teacher_profile)
    page = login(teacher_a).get(reverse("home")).content.decode()
    assert "Мои ближайшие мероприятия" in page
    assert event.title in page
    assert past_event.title not in page


def test_director_cancels_own_teachers_registration(login, director_a, teacher_a, event):
    registration = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    url = reverse("events:registration_cancel", args=[registration.pk])
    assert url in login(director_a).get(reverse("events:detail", args=[event.pk])).content.decode()
    login(director_a).post(url)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
