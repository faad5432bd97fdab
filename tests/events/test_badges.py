"""The state badges that lists repeat per row, as the pages show them."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "badge"),
    [
        (Event.Status.CANCELLED, '<span class="badge text-bg-danger">Отменено</span>'),
        (Event.Status.HELD, '<span class="badge text-bg-dark">Проведено</span>'),
    ],
)
def test_event_list_and_page_badge_a_cancelled_or_held_event(login, status, badge):
    event = EventFactory(title="Семинар по ФГОС", status=status)
    client = login(None)

    listed = client.get(reverse("events:list"), {"past": "1"}).content.decode()
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()

    assert f"Семинар по ФГОС {badge}" in listed
    assert f"Семинар по ФГОС {badge}</h1>" in page


def test_a_published_event_has_no_badge(login):
    EventFactory(title="Семинар по ФГОС")

    listed = login(None).get(reverse("events:list"), {"past": "1"}).content.decode()

    assert "Семинар по ФГОС</h2>" in listed.replace(" </h2>", "</h2>")
