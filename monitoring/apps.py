from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Model permissions for the admin; what a user may do in the portal is in rules.py.
_MODELS = ["indicator", "period", "indicatorvalue", "target", "indicatorsubmission"]


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    role_permissions = {
        "methodologist": [
            f"monitoring.{action}_{model}"
            for model in _MODELS
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"monitoring.view_{model}" for model in _MODELS],
    }

    def ready(self):
        from monitoring.catalogue import catalogue_sync
        from monitoring.dashboard_figures import register_invalidation
        from monitoring.programme_figures import register_figures
        from monitoring.programme_values import register_values

        register_figures()
        register_values()
        register_invalidation()

        # The indicator catalogue is data that must exist on every database; loading it
        # after migrate (not in a data migration) keeps it in step with the code.
        post_migrate.connect(catalogue_sync, sender=self, dispatch_uid="monitoring.catalogue")
