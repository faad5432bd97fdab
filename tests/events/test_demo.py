from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from events.models import Certificate, ContestApplication, Event, Feedback, Registration
from events.services.seats import has_seat_for, occupancy

pytestmark = pytest.mark.django_db


def test_load_demo_builds_a_year_of_events_and_is_idempotent():
    call_command("load_demo", stdout=StringIO())
    counts = [Event.objects.count(), Registration.objects.count(), Feedback.objects.count()]
    assert set(Event.objects.values_list("kind", flat=True)) == set(Event.Kind.values)
    assert Registration.objects.filter(status=Registration.Status.WAITLISTED).exists()
    mine = Registration.objects.filter(teacher__user__username="uchitel")
    assert mine.filter(attended=True).exists()
    assert mine.filter(event__status=Event.Status.PUBLISHED).exists()
    assert Certificate.objects.filter(registration__in=mine).exists()

    call_command("load_demo", stdout=StringIO())
    assert [
        Event.objects.count(),
        Registration.objects.count(),
        Feedback.objects.count(),
    ] == counts


def test_demo_has_free_seats_and_a_reservation_that_a_leader_schools_teacher_meets(client):
    call_command("load_demo", stdout=StringIO())
    upcoming = Event.objects.with_counts().filter(
        starts_at__gt=timezone.now(), capacity__isnull=False, status=Event.Status.PUBLISHED
    )
    assert any(event.confirmed_count < event.capacity for event in upcoming)
    reserved = next(
        event
        for event in upcoming
        if has_seat_for(event, occupancy(event), supported=True)
        and not has_seat_for(event, occupancy(event), supported=False)
    )
    leader_teacher = User.objects.get(username="uchitel2")
    assert not leader_teacher.teacher_profile.school.is_supported

    client.force_login(leader_teacher)
    page = client.get(reverse("events:detail", args=[reserved.pk])).content.decode()
    assert "Встать в лист ожидания" in page
    low_teacher = User.objects.get(username="uchitel")
    Registration.objects.filter(event=reserved, teacher__user=low_teacher).delete()
    client.force_login(low_teacher)
    page = client.get(reverse("events:detail", args=[reserved.pk])).content.decode()
    assert "Зарегистрироваться</button>" in page


def test_the_demos_contest_applications_have_their_file(client):
    call_command("load_demo", stdout=StringIO())
    application = ContestApplication.objects.select_related("event").first()
    client.force_login(User.objects.get(username="metodist"))

    response = client.get(reverse("events:application_file", args=[application.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
