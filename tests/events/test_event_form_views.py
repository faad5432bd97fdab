from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventMaterial
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db

FORMAT = "%Y-%m-%dT%H:%M"


def _post_data(**overrides):
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "title": "Мастер-класс «Смысловое чтение»",
        "kind": Event.Kind.MASTER_CLASS,
        "format": Event.Format.IN_PERSON,
        "starts_at": start.strftime(FORMAT),
        "ends_at": (start + timedelta(hours=2)).strftime(FORMAT),
        "audience": Event.Audience.TEACHERS,
        "capacity": "25",
        "reserved_seats": "0",
    }
    return data | overrides


def test_methodologist_creates_a_draft_then_publishes(login, methodologist):
    client = login(methodologist)
    response = client.post(reverse("events:create"), _post_data())
    event = Event.objects.get()
    assert response.url == reverse("events:detail", args=[event.pk])
    assert event.status == Event.Status.DRAFT
    assert event.created_by == methodologist
    client.post(reverse("events:publish", args=[event.pk]))
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_form_shows_the_domain_error(login, methodologist):
    response = login(methodologist).post(reverse("events:create"), _post_data(reserved_seats="5"))
    assert response.status_code == 200
    assert "Укажите, до какого момента действует резерв мест" in response.content.decode()
    assert not Event.objects.exists()


def test_editing_the_place_tells_participants(
    login, methodologist, event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, teacher=TeacherFactory(email="t@example.org"))
    data = _post_data(
        title=event.title,
        starts_at=timezone.localtime(event.starts_at).strftime(FORMAT),
        ends_at=timezone.localtime(event.ends_at).strftime(FORMAT),
        kind=event.kind,
        capacity="30",
        venue="Гимназия № 7, ауд. 5",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = login(methodologist).post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.venue == "Гимназия № 7, ауд. 5"
    assert [m.to for m in mail.outbox] == [["t@example.org"]]


def test_cancel_the_event_from_the_portal(login, methodologist, event):
    response = login(methodologist).post(reverse("events:cancel", args=[event.pk]))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def test_material_link_is_added(login, methodologist, event):
    login(methodologist).post(
        reverse("events:material_add", args=[event.pk]),
        {"title": "Презентация", "url": "https://example.org/slides.pdf"},
    )
    assert EventMaterial.objects.get(event=event).title == "Презентация"
    page = login(None).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Презентация" in page


def test_coordinator_cannot_create_events(login, coordinator):
    assert login(coordinator).post(reverse("events:create"), _post_data()).status_code == 403
    assert not EventFactory._meta.model.objects.exists()
