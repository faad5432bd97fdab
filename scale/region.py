"""Build a generated region on top of the demo, step by step, inside one transaction."""

import time

from django.db import transaction

from accounts.models import User
from scale.builders.base import Region, Sizes
from scale.builders.development import build_plans, build_responses
from scale.builders.events import build_events
from scale.builders.monitoring import build_periods, build_values
from scale.builders.network import build_partnerships
from scale.builders.reports import build_reports
from scale.builders.schools import build_schools, build_teachers

# The demo's logins, one of each role the bench logs in as.
LOGINS = {
    "metodist": "methodologist",
    "koordinator": "coordinator",
    "direktor": "director of a low-results school",
    "uchitel": "teacher of a low-results school",
}
STEPS = [
    ("schools", build_schools),
    ("teachers", build_teachers),
    ("network", build_partnerships),
    ("periods", build_periods),
    ("indicator values", build_values),
    ("events", build_events),
    ("development plans", build_plans),
    ("questionnaire answers", build_responses),
    ("reports", build_reports),
]


def region_build(*, sizes: Sizes, seed: int, log=None) -> Region:
    """Add the region to a database that holds the demo; ``log`` gets one line a step."""
    region = Region(sizes=sizes, seed=seed)
    region.users = {u.username: u for u in User.objects.filter(username__in=LOGINS)}
    with transaction.atomic():
        for name, step in STEPS:
            started = time.perf_counter()
            step(region)
            if log is not None:
                log(f"{name}: {time.perf_counter() - started:.1f} s")
    return region
