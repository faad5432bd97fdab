"""The calendar's and the event list's rows, an event's audit trail as HTML and an event's
row as read for its page, kept until an event, a registration (the seat counts), a
certificate, a material, a subject, a school (the host's name) or a user (the audit
trail's authors; not a login) changes."""

from core.figures_cache import bump_on_change, bump_on_rename
from network import kept as network_kept

AREA = "event-pages"
# A teacher's own page: their registrations with certificates and feedback, their contest
# applications and calendar feeds (the associations' among them).
MY_AREA = "my-events"


def register_invalidation():
    from accounts.models import User
    from events.models import (
        CalendarFeed,
        Certificate,
        ContestApplication,
        Event,
        EventMaterial,
        Feedback,
        Registration,
    )
    from network.models import MethodicalAssociation
    from schools.models import School, Subject

    # Certificates: the event page's audit trail lists their changes.
    bump_on_change(
        AREA,
        Event,
        Registration,
        Certificate,
        EventMaterial,
        Event.subjects.through,
        Subject,
        School,
    )
    bump_on_rename(AREA, User)  # the audit trail names who changed what
    # A roadmap's page lists the events that realised its activities.
    bump_on_change(network_kept.AREA, Event)
    bump_on_change(
        MY_AREA,
        Event,
        Registration,
        Certificate,
        Feedback,
        ContestApplication,
        CalendarFeed,
        School,
        MethodicalAssociation,
        MethodicalAssociation.members.through,
    )


def scope_of(user):
    """Who sees which events: methodologists see drafts too."""
    return "drafts" if user.is_authenticated and user.is_methodologist else "published"
