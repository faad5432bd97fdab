"""The stage badges of the roadmap and the overview, by the stage's state."""

import pytest
from django.urls import reverse

from network.models import Stage

pytestmark = pytest.mark.django_db


def test_roadmap_and_overview_badge_each_stage_by_its_state(login, methodologist, partnership):
    stages = Stage.objects.filter(roadmap__partnership=partnership).order_by("number")
    first = stages[0]
    first.state = Stage.State.RETURNED
    first.save()
    client = login(methodologist)

    roadmap = client.get(reverse("network:roadmap", args=[partnership.pk])).content.decode()
    overview = client.get(reverse("network:list")).content.decode()

    returned = f'<span class="badge text-bg-danger">{Stage.State.RETURNED.label}</span>'
    assert roadmap.count(returned) == 2  # its card and its section
    assert returned in overview
    locked = f'<span class="badge text-bg-secondary">{Stage.State.LOCKED.label}</span>'
    assert roadmap.count(locked) == 2 * stages.filter(state=Stage.State.LOCKED).count() > 0
