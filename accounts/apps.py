from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    role_permissions = {
        "methodologist": [
            "accounts.view_user",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_importrecord",
            "accounts.view_importjob",
        ],
    }

    def ready(self):
        from django.db.backends.signals import connection_created

        from accounts.backends import register_invalidation
        from accounts.groups import sync_role_groups
        from core.sqlite import install_unicode_like

        connection_created.connect(install_unicode_like, dispatch_uid="core.sqlite.like")

        # Groups are data that migrations cannot know in advance: they follow the
        # permissions that every app declares, so they are synced after each migrate.
        post_migrate.connect(sync_role_groups, dispatch_uid="accounts.sync_role_groups")
        register_invalidation()
