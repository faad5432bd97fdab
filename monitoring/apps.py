from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    role_permissions = {
        "methodologist": ["monitoring.view_report", "monitoring.delete_report"],
        "coordinator": ["monitoring.view_report"],
    }
