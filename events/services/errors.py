from core.errors import DomainError


class EventsError(DomainError):
    """A refused change, with a message for the user."""
