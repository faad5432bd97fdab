"""Demo data of the monitoring areas, loaded in the order they depend on each other."""

from importlib import import_module
from importlib.util import find_spec

AREAS = ["plans", "indicators", "reports"]


def load(*, stdout):
    logins = []
    for area in AREAS:
        name = f"{__name__}.{area}"
        if find_spec(name) is not None:
            logins += import_module(name).load(stdout=stdout) or []
    return logins
