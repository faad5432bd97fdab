"""The portal's admin site: Django's, with each user's menu of models kept for a minute."""

import time

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import get_language

# The menu asks every registered model's admin for four permissions and two addresses:
# about a third of a 50-row changelist's time. It depends on the user's permissions and
# role, which the key holds, so a change of either shows at once; what the rules derive
# from other rows (a director's school) shows within this many seconds. The pages
# themselves check every permission afresh: the menu only lists them.
MENU_SECONDS = 60
MENU_KEPT = 500


class PortalAdminSite(AdminSite):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._menus = {}

    def _menu_key(self, request, app_label):
        user = request.user
        return (
            user.pk,
            user.is_active,
            user.is_staff,
            user.is_superuser,
            getattr(user, "role", None),
            frozenset(user.get_all_permissions()),
            get_language(),
            app_label,
        )

    def get_app_list(self, request, app_label=None):
        if not request.user.is_authenticated:
            return super().get_app_list(request, app_label)
        key = self._menu_key(request, app_label)
        now = time.monotonic()
        kept = self._menus.get(key)
        if kept is not None and kept[0] > now:
            return kept[1]
        menu = super().get_app_list(request, app_label)
        if len(self._menus) >= MENU_KEPT:
            self._menus = {k: v for k, v in self._menus.items() if v[0] > now}
            if len(self._menus) >= MENU_KEPT:
                self._menus.clear()
        self._menus[key] = (now + MENU_SECONDS, menu)
        return menu


class PortalAdminConfig(AdminConfig):
    default_site = "core.admin_site.PortalAdminSite"
