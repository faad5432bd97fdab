"""Network pages' rows kept until they change: the partnerships overview as HTML (also at
most until the day ends: its overdue counts and idle days are the day's), and each
roadmap's rows as read for its page.

Every change of these rows is a save or a delete (the services write no bulk), which is
what bumps the area; the events app adds its events (an activity's realising events).
"""

from core.figures_cache import bump_on_change, cached_figures
from network.selectors import roadmap_for_page

AREA = "network-pages"


def register_invalidation():
    from network.models import (
        Activity,
        Partnership,
        Problem,
        RiskFactor,
        Roadmap,
        Stage,
        StageComment,
    )
    from schools.models import PartnerOrganisation, School, Teacher

    bump_on_change(
        AREA,
        Partnership,
        Partnership.schools.through,
        Partnership.partners.through,
        Roadmap,
        Stage,
        StageComment,
        Problem,
        Activity,
        Activity.participants.through,
        School,
        Teacher,
        PartnerOrganisation,
        RiskFactor,
    )


def kept_roadmap_for_page(partnership):
    """``roadmap_for_page(partnership)``, read once per version of the area."""

    def read():
        roadmap = roadmap_for_page(partnership)
        return roadmap, partnership._prefetched_objects_cache

    roadmap, prefetched = cached_figures(AREA, f"roadmap:{partnership.pk}", read)
    # The partnership of this request (its access was checked) gets the rows read with it.
    partnership._prefetched_objects_cache = {
        **getattr(partnership, "_prefetched_objects_cache", {}),
        **prefetched,
    }
    roadmap.partnership = partnership
    return roadmap
