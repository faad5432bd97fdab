from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MODELS = [
    "curatorship",
    "riskprofile",
    "riskassessment",
    "profileentry",
    "programme",
    "programmeentry",
    "riskprogramme",
    "measure",
    "monitoringround",
    "measureprogress",
]


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("School programmes")
    role_permissions = {
        "methodologist": [
            f"programmes.{action}_{model}"
            for model in _MODELS
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"programmes.view_{model}" for model in _MODELS],
    }

    def ready(self):
        from programmes import figures

        figures.register_builtin()
