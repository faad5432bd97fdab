from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Model permissions for the admin, per area; what a user may do in the portal is in rules/.
_INDICATOR_MODELS = ["indicator", "period", "indicatorvalue", "target", "indicatorsubmission"]
# Development plans and diagnostics: what the centre composes, and what it only reads.
_PLANS_COMPOSED = ["plantemplate", "plantemplateitem", "questionnaire", "section", "difficulty"]
_PLANS_KEPT = ["developmentplan", "planitem", "plancomment", "response", "answer"]


def _crud(models):
    return [f"monitoring.{a}_{m}" for m in models for a in ("view", "add", "change", "delete")]


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    role_permissions = {
        "methodologist": _crud(_INDICATOR_MODELS + _PLANS_COMPOSED)
        + [f"monitoring.view_{m}" for m in _PLANS_KEPT]
        + ["monitoring.view_report", "monitoring.delete_report"],
        "coordinator": [f"monitoring.view_{m}" for m in _INDICATOR_MODELS + _PLANS_COMPOSED]
        + ["monitoring.view_report"],
    }

    def ready(self):
        from events.signals import attendance_changed

        from .catalogue import catalogue_sync
        from .plans_signals import on_attendance_changed

        # The indicator catalogue is data that must exist on every database; loading it
        # after migrate (not in a data migration) lets the migrations be regenerated freely.
        post_migrate.connect(catalogue_sync, sender=self, dispatch_uid="monitoring.catalogue")
        attendance_changed.connect(
            on_attendance_changed, dispatch_uid="monitoring.plans.attendance"
        )
