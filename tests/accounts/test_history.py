"""A user's role is audited; their password and logins are not."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_set_role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_role_change_is_one_record_with_who_made_it(methodologist):
    user = UserFactory(username="novichok")
    before = user.history.count()

    user_set_role(user=user, role=Role.TEACHER, by=methodologist)
    user_set_role(user=user, role=Role.DIRECTOR, by=methodologist)

    changes = list(user.history.order_by("history_date", "history_id"))[before:]
    assert [(r.history_type, r.role) for r in changes] == [("~", "teacher"), ("~", "director")]
    assert {r.history_user for r in changes} == {methodologist}


def test_password_and_last_login_are_not_kept_in_the_history():
    fields = {f.name for f in User.history.model._meta.fields}

    assert "role" in fields
    assert "password" not in fields
    assert "last_login" not in fields


def test_logging_in_writes_no_history(client, db):
    user = UserFactory(username="vhod")
    before = user.history.count()

    response = client.post(reverse("login"), {"username": "vhod", "password": "pass12345"})

    assert response.status_code == 302
    assert user.history.count() == before


def test_role_changed_in_the_admin_reads_in_russian(login, methodologist):
    user = UserFactory(username="kollega")
    user_set_role(user=user, role=Role.COORDINATOR, by=methodologist)

    response = login(methodologist).get(reverse("admin:accounts_user_history", args=[user.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Роль:</strong> — → Координатор" in page
