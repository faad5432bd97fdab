"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from . import reports  # noqa: F401
from . import plans  # noqa: F401  (development plans, diagnostics)
