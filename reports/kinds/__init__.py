"""The kinds of PDF report, one module each; importing the package registers them all."""

from reports.kinds import event, municipal, partnership, school  # noqa: F401
from reports.kinds.base import KINDS, ReportDataError, ReportKind

__all__ = ["KINDS", "ReportDataError", "ReportKind"]
