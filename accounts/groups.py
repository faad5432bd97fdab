"""Create the role groups with the model permissions that each app declares."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from accounts.roles import GROUP_NAMES


def sync_role_groups(**kwargs):
    """Give each role group exactly the permissions the apps declare for it.

    Each app config may have ``role_permissions``: {role: ["app.codename", ...]}.
    """
    wanted = {role: set() for role in GROUP_NAMES}
    for config in apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            wanted[role].update(perms)
    for role, perms in wanted.items():
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        found = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:  # its model may not be migrated yet
                found.append(permission)
        group.permissions.set(found)
