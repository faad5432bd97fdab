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


def _admin_form(**fields):
    data = {
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "title": "Семинар из админки",
        "kind": "seminar",
        "format": "in_person",
        "starts_at_0": "10.03.2030",
        "starts_at_1": "10:00",
        "ends_at_0": "10.03.2030",
        "ends_at_1": "12:00",
        "audience": "teachers",
        "capacity": "20",
        "reserved_seats": "0",
    }
    return data | fields


def test_admin_creates_and_changes_events_through_the_services(
    login, methodologist, django_capture_on_commit_callbacks
):
    from django.core import mail

    from events.models import Event, Registration
    from tests.schools.factories import TeacherFactory

    client = login(methodologist)
    response = client.post(reverse("admin:events_event_add"), _admin_form())
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.status, event.created_by) == (Event.Status.DRAFT, methodologist)

    event.status = Event.Status.PUBLISHED
    event.save()
    Registration.objects.create(
        event=event,
        teacher=TeacherFactory(email="t@example.org"),
        status=Registration.Status.CONFIRMED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:events_event_change", args=[event.pk]),
            _admin_form(venue="ИМЦ, зал 2"),
        )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.venue == "ИМЦ, зал 2"
    assert [m.to for m in mail.outbox] == [["t@example.org"]]
