from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

_INDICATOR_MODELS = ["indicator", "period", "indicatorvalue", "target", "indicatorsubmission"]


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    role_permissions = {
        "methodologist": [
            f"monitoring.{action}_{model}"
            for model in _INDICATOR_MODELS
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"monitoring.view_{model}" for model in _INDICATOR_MODELS],
    }

    def ready(self):
        from .catalogue import catalogue_sync

        # The indicator catalogue is data that must exist on every database; loading it
        # after migrate (not in a data migration) lets the migrations be regenerated freely.
        post_migrate.connect(catalogue_sync, sender=self, dispatch_uid="monitoring.catalogue")
