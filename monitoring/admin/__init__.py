"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from . import (
    plans,  # noqa: F401  (development plans, diagnostics)
    reports,  # noqa: F401
)
