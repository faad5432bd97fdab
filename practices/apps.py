from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MODELS = ["practice", "practicefile", "practicereview", "usefulmark", "post", "postcomment"]


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Bank of practices")
    # The admin is the centre's; object rules (practices/rules.py) decide the portal's pages.
    role_permissions = {
        "methodologist": [
            f"practices.{action}_{model}"
            for model in _MODELS
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"practices.view_{model}" for model in _MODELS],
    }
