"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from . import plans, reports  # noqa: F401
