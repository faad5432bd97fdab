class NetworkError(Exception):
    """A refused change, with a message for the user."""
