from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MODELS = [
    "riskfactor",
    "partnership",
    "roadmap",
    "stage",
    "stagecomment",
    "problem",
    "activity",
    "methodicalassociation",
    "mentorship",
]


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")
    role_permissions = {
        "methodologist": [
            f"network.{action}_{model}"
            for model in _MODELS
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"network.view_{model}" for model in _MODELS],
        # Object-level rules (network/rules.py) narrow these to the user's own school.
        "director": [
            "network.view_partnership",
            "network.view_roadmap",
            "network.view_stage",
            "network.view_problem",
            "network.add_problem",
            "network.change_problem",
            "network.view_activity",
            "network.add_activity",
            "network.change_activity",
            "network.add_stagecomment",
            "network.view_methodicalassociation",
            "network.view_mentorship",
        ],
        "teacher": [
            "network.view_partnership",
            "network.view_roadmap",
            "network.view_activity",
            "network.view_methodicalassociation",
            "network.view_mentorship",
        ],
    }

    def ready(self):
        from network import history, kept

        history.register_invalidation()
        kept.register_invalidation()
