"""Monitoring models, one module per area: indicators, development plans, questionnaires, reports.

Each area's module is imported here so that Django finds its models.
"""

from . import plans, questionnaires  # noqa: F401  (development plans, diagnostics)
from .indicators import (
    Indicator,
    IndicatorSubmission,
    IndicatorValue,
    Period,
    SubmissionComment,
    Target,
)
from .reports import Report

__all__ = [
    "Indicator",
    "IndicatorSubmission",
    "IndicatorValue",
    "Period",
    "Report",
    "SubmissionComment",
    "Target",
]
