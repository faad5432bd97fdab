"""The admin of the bank: its pages open, its files link to the checked view, publishing."""

import pytest
from django.urls import reverse

from practices.models import Practice
from practices.services.bank import practice_submit
from tests.accounts.factories import UserFactory
from tests.practices.factories import draft


@pytest.fixture
def staff(db):
    from accounts.groups import sync_role_groups

    sync_role_groups()
    return UserFactory(username="metodist_admin", role="methodologist", is_staff=True)


def test_the_admin_pages_open_and_the_action_publishes(staff, teacher_a, login):
    practice = draft(by=teacher_a)
    practice_submit(practice=practice, by=teacher_a)
    client = login(staff)
    for url in [
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_change", args=[practice.pk]),
        reverse("admin:practices_practice_history", args=[practice.pk]),
        reverse("admin:practices_post_changelist"),
    ]:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("admin:practices_practice_change", args=[practice.pk]))
    assert reverse("practices:file", args=[practice.files.get().pk]) in page.content.decode()
    client.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "publish", "_selected_action": [practice.pk]},
    )
    practice.refresh_from_db()
    assert practice.state == Practice.State.PUBLISHED
