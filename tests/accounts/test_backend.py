"""The session's user is read with its teacher record, and an inactive one is not let in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.backends import PortalBackend
from accounts.models import Role
from tests.accounts.factories import UserFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def test_the_user_comes_with_the_teacher_record_in_one_query(school_a):
    user = UserFactory(username="uchitel-backend", role=Role.TEACHER)
    TeacherFactory(school=school_a, user=user)

    with CaptureQueriesContext(connection) as queries:
        found = PortalBackend().get_user(user.pk)
        school_id = found.teacher_profile.school_id

    assert found == user and school_id == school_a.pk
    assert len(queries) == 1


def test_a_user_without_a_teacher_record_is_found_too():
    user = UserFactory(username="metodist-backend", role=Role.METHODOLOGIST)

    found = PortalBackend().get_user(user.pk)

    assert found == user and not hasattr(found, "teacher_profile")


def test_an_inactive_or_missing_user_is_nobody():
    user = UserFactory(username="uvolen", role=Role.TEACHER, is_active=False)

    assert PortalBackend().get_user(user.pk) is None
    assert PortalBackend().get_user(user.pk + 1000) is None


def test_permissions_are_read_once_and_follow_a_group_change(school_a):
    from django.contrib.auth.models import Group, Permission

    user = UserFactory(username="metodist-perms", role=Role.METHODOLOGIST)
    group = Group.objects.create(name="Проверка прав")
    user.groups.add(group)
    backend = PortalBackend()
    assert not backend.has_perm(backend.get_user(user.pk), "accounts.delete_user")

    with CaptureQueriesContext(connection) as queries:
        backend.has_perm(backend.get_user(user.pk), "schools.view_subject")
    assert len(queries) == 1  # the user; the permissions come from the cache

    group.permissions.add(Permission.objects.get(codename="delete_user"))
    assert backend.has_perm(backend.get_user(user.pk), "accounts.delete_user")

    user.groups.remove(group)
    assert not backend.has_perm(backend.get_user(user.pk), "accounts.delete_user")


def test_a_user_made_superuser_has_every_permission_at_once():
    user = UserFactory(username="koordinator-perms", role=Role.COORDINATOR)
    backend = PortalBackend()
    assert not backend.has_perm(backend.get_user(user.pk), "schools.delete_subject")

    user.is_superuser = True
    user.save()

    assert backend.has_perm(backend.get_user(user.pk), "schools.delete_subject")
