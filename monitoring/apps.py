from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Development plans and diagnostics: what the centre composes in the admin.
_PLANS_COMPOSED = ["plantemplate", "plantemplateitem", "questionnaire", "section", "difficulty"]
_PLANS_KEPT = ["developmentplan", "planitem", "plancomment", "response", "answer"]


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    # Model permissions for the admin; what a user may do in the portal is in rules/.
    role_permissions = {
        "methodologist": ["monitoring.view_report", "monitoring.delete_report"]
        + [
            f"monitoring.{action}_{model}"
            for model in _PLANS_COMPOSED
            for action in ("view", "add", "change", "delete")
        ]
        + [f"monitoring.view_{model}" for model in _PLANS_KEPT],
        "coordinator": ["monitoring.view_report"]
        + [f"monitoring.view_{model}" for model in _PLANS_COMPOSED],
    }

    def ready(self):
        from events.signals import attendance_changed

        from .plans_signals import on_attendance_changed

        # Plan items linked to an event follow the teacher's attendance (docs/plans.md).
        attendance_changed.connect(
            on_attendance_changed, dispatch_uid="monitoring.plans.attendance"
        )
