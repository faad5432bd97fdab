"""The home page and the menu lead each role to its indicator pages."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_director_home_links_to_entry_and_school_dashboard(director_a, login):
    page = login(director_a).get(reverse("home")).content.decode()
    assert reverse("monitoring:entry_home") in page
    assert reverse("monitoring:dashboard_mine") in page
    assert f'href="{reverse("monitoring:dashboard_municipal")}"' not in page


def test_coordinator_home_links_to_the_municipal_dashboard(coordinator, login):
    page = login(coordinator).get(reverse("home")).content.decode()
    assert reverse("monitoring:dashboard_municipal") in page
    assert reverse("monitoring:submissions") in page


def test_teacher_home_has_no_indicator_links(teacher_a, login):
    page = login(teacher_a).get(reverse("home")).content.decode()
    assert reverse("monitoring:entry_home") not in page
