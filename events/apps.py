from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MANAGED = [
    "event",
    "eventmaterial",
    "registration",
    "certificate",
    "feedback",
    "contestapplication",
]


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    # Model permissions for the admin; what a user may do in the portal is in rules.py.
    role_permissions = {
        "methodologist": [
            f"events.{action}_{model}"
            for model in _MANAGED
            for action in ("view", "add", "change", "delete")
        ],
        "coordinator": [f"events.view_{model}" for model in _MANAGED],
        "director": ["events.view_event"],
        "teacher": ["events.view_event"],
    }

    def ready(self):
        from events.kept import register_invalidation

        register_invalidation()
