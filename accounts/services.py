from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import ImportRecord, User
from accounts.roles import GROUP_NAMES, Role
from core.history import audited


@audited
@transaction.atomic
def user_set_role(*, user: User, role: str, by=None) -> User:
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


def import_record(
    *, kind: str, file_name: str, by=None, created=0, updated=0, skipped=0, errors=0
) -> ImportRecord:
    """Write down one imported file: called once per file by every importer."""
    return ImportRecord.objects.create(
        kind=kind,
        file_name=Path(file_name or "").name[:255],
        imported_by=by if getattr(by, "pk", None) else None,
        created=created,
        updated=updated,
        skipped=skipped,
        errors=errors,
    )
