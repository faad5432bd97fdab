"""event_update changes an event's details; its state moves only through the lifecycle."""

import pytest

from events.models import Event
from events.services import event_update
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_event_update_refuses_to_change_the_state():
    event = EventFactory(status=Event.Status.DRAFT)

    with pytest.raises(ValueError, match="status"):
        event_update(event=event, data={"status": Event.Status.PUBLISHED})

    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT
