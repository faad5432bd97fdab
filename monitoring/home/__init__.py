"""Home-page cards of the monitoring areas; each area's module has ``cards(request)``."""

from importlib import import_module
from importlib.util import find_spec

AREAS = ["plans", "indicators", "reports"]


def cards(request):
    found = []
    for area in AREAS:
        name = f"{__name__}.{area}"
        if find_spec(name) is not None:
            found += import_module(name).cards(request)
    return found
