from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Build a believable demo municipality; running it again changes nothing."

    def handle(self, *args, **options):
        logins = []
        # Each app may ship a demo module; apps load in INSTALLED_APPS order, which is
        # the order of their dependencies, so later apps find the earlier apps' data.
        for config in apps.get_app_configs():
            name = f"{config.name}.demo"
            own_app = str(config.path).startswith(str(settings.BASE_DIR))
            if not own_app or config.name == "accounts" or find_spec(name) is None:
                continue
            with transaction.atomic():
                logins += import_module(name).load(stdout=self.stdout) or []
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready. Demo logins:")))
        for login in logins:
            self.stdout.write(
                f"  {login.role:<14} {login.username:<14} {login.password:<12} {login.note}"
            )
