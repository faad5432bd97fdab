from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Certificate, Event, Feedback, Registration

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
