from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScaleConfig(AppConfig):
    """A generated region of any size, for measuring the portal (no models, no pages)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "scale"
    verbose_name = _("Region generator")
