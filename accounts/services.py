from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import GROUP_NAMES, Role


@transaction.atomic
def user_set_role(*, user: User, role: str) -> User:
    """Give the user a role: its group, and admin access for methodologists."""
    user.role = role
    user.is_staff = role == Role.METHODOLOGIST or user.is_superuser
    user.save(update_fields=["role", "is_staff"])
    role_groups = Group.objects.filter(name__in=GROUP_NAMES.values())
    user.groups.remove(*role_groups)
    if role:
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role(role)])
        user.groups.add(group)
    return user
