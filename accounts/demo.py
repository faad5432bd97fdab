"""Shared helpers for the demo data that each app's ``demo.py`` builds."""

from dataclasses import dataclass

from accounts.models import User
from accounts.services import user_set_role

DEMO_PASSWORD = "demo12345"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    note: str


def demo_user(*, username, role, last_name, first_name, patronymic="", email="") -> User:
    """Create the demo login once; a second run finds it and resets nothing but its role."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "last_name": last_name,
            "first_name": first_name,
            "patronymic": patronymic,
            "email": email or f"{username}@demo.imc.local",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user_set_role(user=user, role=role)
    return user
