from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import GROUP_NAMES, Role
from accounts.services import user_set_role
from tests.accounts.factories import UserFactory


def test_role_groups_exist_after_migrate_with_their_permissions(db):
    methodologists = Group.objects.get(name=GROUP_NAMES[Role.METHODOLOGIST])
    coordinators = Group.objects.get(name=GROUP_NAMES[Role.COORDINATOR])

    codenames = set(methodologists.permissions.values_list("codename", flat=True))
    assert {"add_school", "change_teacher", "delete_subject"} <= codenames
    coordinator_codenames = set(coordinators.permissions.values_list("codename", flat=True))
    assert "view_school" in coordinator_codenames
    assert "change_school" not in coordinator_codenames


def test_set_role_moves_the_user_between_groups_and_admin_access(db):
    user = UserFactory(role=Role.METHODOLOGIST)
    assert user.is_staff
    assert user.has_perm("schools.add_school")

    user_set_role(user=user, role=Role.TEACHER)

    user = type(user).objects.get(pk=user.pk)  # drop the cached permissions
    assert not user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAMES[Role.TEACHER]]
    assert not user.has_perm("schools.add_school")


def test_methodologist_works_in_the_admin_but_a_director_does_not(login, methodologist, director_a):
    assert login(methodologist).get(reverse("admin:schools_teacher_changelist")).status_code == 200
    assert login(director_a).get(reverse("admin:schools_teacher_changelist")).status_code == 302


def test_methodologist_cannot_make_a_superuser_in_the_admin(login, methodologist, teacher_a):
    form = login(methodologist).get(reverse("admin:accounts_user_change", args=[teacher_a.pk]))

    assert form.status_code == 200
    assert 'name="is_superuser"' not in form.content.decode()
