from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")
    # Model permissions for the admin; who may order or download a report is in rules.py.
    role_permissions = {
        "methodologist": ["reports.view_report", "reports.delete_report"],
        "coordinator": ["reports.view_report"],
    }

    def ready(self):
        from reports.views import register_invalidation

        register_invalidation()
