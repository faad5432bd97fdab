import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["event", "registration", "certificate", "feedback", "contestapplication"]
)
def test_admin_lists_open_for_methodologist(login, methodologist, attended_registration, model):
    client = login(methodologist)
    assert client.get(reverse(f"admin:events_{model}_changelist")).status_code == 200


def test_admin_event_form_opens(login, methodologist, event):
    client = login(methodologist)
    assert client.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200
    assert client.get(reverse("admin:events_event_add")).status_code == 200


def test_admin_publish_action_uses_the_service(login, methodologist):
    from events.models import Event
    from tests.events.factories import EventFactory

    draft = EventFactory(status=Event.Status.DRAFT)
    login(methodologist).post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Event.Status.PUBLISHED
