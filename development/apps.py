from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What the centre composes, and what it only reads in the admin.
_COMPOSED = ["plantemplate", "plantemplateitem", "questionnaire", "section", "difficulty"]
_KEPT = ["developmentplan", "planitem", "plancomment", "response", "answer"]


class DevelopmentConfig(AppConfig):
    name = "development"
    verbose_name = _("Teachers' development")
    # Model permissions for the admin; what a user may do in the portal is in rules.py.
    role_permissions = {
        "methodologist": [
            f"development.{action}_{model}"
            for model in _COMPOSED
            for action in ("view", "add", "change", "delete")
        ]
        + [f"development.view_{model}" for model in _KEPT],
        "coordinator": [f"development.view_{model}" for model in _COMPOSED],
    }

    def ready(self):
        from development.kept import register_invalidation as keep_pages
        from development.receivers import on_attendance_changed
        from development.results_figures import register_invalidation
        from events.signals import attendance_changed

        attendance_changed.connect(
            on_attendance_changed, dispatch_uid="development.plans.attendance"
        )
        register_invalidation()
        keep_pages()
