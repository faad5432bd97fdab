from core.errors import DomainError


class ProgrammeError(DomainError):
    """A refused change to a school's risk profile, programme or monitoring."""
