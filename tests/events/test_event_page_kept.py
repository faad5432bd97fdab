"""An event's row is read once per version of the event pages' area: a registration, a
material or a change of the event shows on the next visit, and a draft kept for the
centre still does not exist for anyone else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, EventMaterial

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def detail(client, event):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("events:detail", args=[event.pk]))
    return response, len(queries)


def test_the_event_is_read_once_and_follows_a_registration_and_a_material(login, methodologist):
    event = EventFactory(capacity=3)
    client = login(methodologist)
    _, first_queries = detail(client, event)
    again, again_queries = detail(client, event)
    assert again.status_code == 200
    assert again_queries <= first_queries - 3
    assert "3 из 3" in again.content.decode()

    RegistrationFactory(event=event)
    EventMaterial.objects.create(
        event=event, title="Презентация семинара", url="https://example.ru/p"
    )

    page = detail(client, event)[0].content.decode()
    assert "2 из 3" in page
    assert "Презентация семинара" in page


def test_a_draft_kept_for_the_centre_is_not_found_by_a_teacher(login, methodologist, teacher_a):
    draft = EventFactory(status=Event.Status.DRAFT, title="Черновик семинара")
    assert "Черновик семинара" in detail(login(methodologist), draft)[0].content.decode()

    assert detail(login(teacher_a), draft)[0].status_code == 404

    draft.status = Event.Status.PUBLISHED
    draft.save()
    assert detail(login(teacher_a), draft)[0].status_code == 200


def test_an_event_that_does_not_exist_is_not_found(login, methodologist):
    missing = Event(pk=987654)

    assert detail(login(methodologist), missing)[0].status_code == 404
