"""One module per monitoring area (indicators, plans, reports); each is imported here."""

from .indicators import *  # noqa: F403
