"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from . import indicators, plans, reports  # noqa: F401
