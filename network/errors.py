from core.errors import DomainError


class NetworkError(DomainError):
    """A refused change, with a message for the user."""
