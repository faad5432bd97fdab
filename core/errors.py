"""The one base of the errors that refuse a change with a message for the user."""


class DomainError(Exception):
    """A refused change; ``str(error)`` is the Russian message a view shows."""
