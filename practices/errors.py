from core.errors import DomainError


class PracticesError(DomainError):
    """A refused change, with a message for the user."""
