import pytest
from django.urls import reverse

from events.models import Certificate, Event
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_methodologist_marks_many_teachers_on_one_page(
    login, methodologist, past_event, django_capture_on_commit_callbacks
):
    rows = [RegistrationFactory(event=past_event) for _ in range(4)]
    client = login(methodologist)
    page = client.get(reverse("events:attendance", args=[past_event.pk])).content.decode()
    assert all(f'value="{row.pk}"' in page for row in rows)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:attendance", args=[past_event.pk]),
            {"attended": [rows[0].pk, rows[2].pk]},
        )
    assert response.status_code == 302
    marks = []
    for row in rows:
        row.refresh_from_db()
        marks.append(row.attended)
    assert marks == [True, False, True, False]
    assert Certificate.objects.count() == 2


def test_close_the_event(login, methodologist, past_event):
    response = login(methodologist).post(reverse("events:close", args=[past_event.pk]))
    assert response.status_code == 302
    past_event.refresh_from_db()
    assert past_event.status == Event.Status.HELD


def test_teacher_cannot_mark_attendance(login, teacher_a, past_event):
    """Nor learn that the event's attendance sheet is there: it is the centre's (404)."""
    row = RegistrationFactory(event=past_event)
    response = login(teacher_a).post(
        reverse("events:attendance", args=[past_event.pk]), {"attended": [row.pk]}
    )
    assert response.status_code == 404
    row.refresh_from_db()
    assert row.attended is None


def test_attendance_works_for_registrations_numbered_in_thousands(login, methodologist, past_event):
    # Numbers render as "1 234" in Russian unless the template unlocalizes them.
    row = RegistrationFactory(event=past_event, pk=12345)
    client = login(methodologist)
    page = client.get(reverse("events:attendance", args=[past_event.pk])).content.decode()
    assert 'value="12345"' in page
    client.post(reverse("events:attendance", args=[past_event.pk]), {"attended": ["12345"]})
    row.refresh_from_db()
    assert row.attended is True
