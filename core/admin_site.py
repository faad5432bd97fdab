"""The portal's admin site: Django's, with each user's menu of models kept for a minute,
and the side menu's HTML kept with it."""

import time

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# The menu asks every registered model's admin for four permissions and two addresses:
# about a third of a 50-row changelist's time. It depends on the user's permissions and
# role, which the key holds, so a change of either shows at once; what the rules derive
# from other rows (a director's school) shows within this many seconds. The pages
# themselves check every permission afresh: the menu only lists them.
MENU_SECONDS = 60
MENU_KEPT = 500
# Side menus kept per menu: one per page of the admin that marks another model current.
SIDEBARS_KEPT = 20


class KeptMenu(list):
    """A user's menu of models, with its side menu rendered for each current model."""

    def __init__(self, apps):
        super().__init__(apps)
        self.sidebars = {}


class SideMenu:
    """The side menu of every admin page (``admin/nav_sidebar.html``): the menu's models
    as Django's ``admin/app_list.html`` renders them, the current app and model marked.
    Rendering it is about a third of a changelist's time; a kept menu keeps it for each
    set of marked addresses, so it is rendered again only when the menu is."""

    do_not_call_in_templates = True

    def __init__(self, request, menu):
        self.request, self.menu = request, menu

    def _marked(self):
        # As the template marks them: an address is current when the page's is within it.
        path = urlencode(self.request.path)
        return tuple(
            url
            for app in self.menu
            for url in (app["app_url"], *(model.get("admin_url") for model in app["models"]))
            if url and url in path
        )

    def __html__(self):
        kept = getattr(self.menu, "sidebars", None)
        marked = self._marked()
        if kept is not None and marked in kept:
            return kept[marked]
        html = mark_safe(
            render_to_string(
                "admin/app_list.html",
                {"app_list": self.menu, "show_changelinks": False, "request": self.request},
            )
        )
        if kept is not None and len(kept) < SIDEBARS_KEPT:
            kept[marked] = html
        return html

    def __str__(self):
        return self.__html__()


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
        menu = KeptMenu(super().get_app_list(request, app_label))
        if len(self._menus) >= MENU_KEPT:
            self._menus = {k: v for k, v in self._menus.items() if v[0] > now}
            if len(self._menus) >= MENU_KEPT:
                self._menus.clear()
        self._menus[key] = (now + MENU_SECONDS, menu)
        return menu

    def each_context(self, request):
        context = super().each_context(request)
        context["side_menu"] = SideMenu(request, context["available_apps"])
        return context


class PortalAdminConfig(AdminConfig):
    default_site = "core.admin_site.PortalAdminSite"
