from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MANAGED = ["school", "categoryrecord", "teacher", "subject", "partnerorganisation"]


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")
    role_permissions = {
        "methodologist": [
            f"schools.{action}_{model}"
            for model in _MANAGED
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"schools.view_{model}" for model in _MANAGED],
        "director": ["schools.view_school", "schools.view_teacher", "schools.change_teacher"],
        "teacher": ["schools.view_school"],
    }

    def ready(self):
        from schools.selectors import register_invalidation

        register_invalidation()
