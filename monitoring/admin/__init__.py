"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from . import reports  # noqa: F401
