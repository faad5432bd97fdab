"""The events app's models, by area; ``from events.models import X`` names them all."""

from events.models.contests import ContestApplication
from events.models.events import Event, EventMaterial, EventQuerySet
from events.models.feeds import CalendarFeed, new_feed_token
from events.models.registrations import (
    Certificate,
    Feedback,
    Registration,
    RegistrationQuerySet,
    RegistrationStatus,
    new_certificate_code,
)

__all__ = [
    "CalendarFeed",
    "Certificate",
    "ContestApplication",
    "Event",
    "EventMaterial",
    "EventQuerySet",
    "Feedback",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationStatus",
    "new_certificate_code",
    "new_feed_token",
]
