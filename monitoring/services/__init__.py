"""One module per monitoring area (indicators, plans, reports); each is imported here.

The indicator services are re-exported here, where the indicators area first put them.
"""

from . import plans, questionnaires  # noqa: F401  (development plans, diagnostics)
from .indicators import *  # noqa: F403
