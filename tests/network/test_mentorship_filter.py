"""The mentorship list filters by state through network.filters.MentorshipFilter."""

import pytest
from django.urls import reverse

from network.models import Mentorship

from .factories import MentorshipFactory


@pytest.fixture
def pairs(db):
    return {
        state: MentorshipFactory(state=state)
        for state in (Mentorship.State.ACTIVE, Mentorship.State.COMPLETED)
    }


def test_mentorships_filter_by_state(login, coordinator, pairs):
    response = login(coordinator).get(reverse("network:mentorships"), {"state": "completed"})

    assert list(response.context["mentorships"]) == [pairs[Mentorship.State.COMPLETED]]
    assert 'value="completed" selected' in response.content.decode()


@pytest.mark.parametrize("state", ["", "bogus"])
def test_an_empty_or_unknown_state_lists_every_pair(login, coordinator, pairs, state):
    response = login(coordinator).get(reverse("network:mentorships"), {"state": state})

    assert response.status_code == 200
    assert set(response.context["mentorships"]) == set(pairs.values())
    assert "selected" not in response.content.decode()
