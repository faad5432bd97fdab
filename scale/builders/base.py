"""What every builder shares: the sizes asked for, one seeded random source, bulk inserts."""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone

from core.dates import current_academic_year
from core.figures_cache import rows_written

BATCH = 5000


@dataclass(frozen=True)
class Sizes:
    schools: int = 2000
    teachers_per_school: int = 25
    events_per_school: float = 2.5
    registrations_per_event: int = 40
    periods: int = 5
    plan_share: float = 0.3
    response_share: float = 0.1


@dataclass
class Region:
    """The state the builders pass on: the random source, the anchor date, what was made."""

    sizes: Sizes
    seed: int
    rng: random.Random = field(init=False)
    year: int = field(init=False)
    today: datetime.date = field(init=False)
    counts: dict = field(default_factory=dict)
    schools: list = field(default_factory=list)  # the generated schools, in order
    teacher_ids: dict = field(default_factory=dict)  # school pk → [teacher pk]
    users: dict = field(default_factory=dict)  # demo username → user

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.today = timezone.localdate()
        self.year = current_academic_year(self.today)

    def moment(self, day, hour=10, minute=0):
        """An aware datetime at the portal's local time on ``day``."""
        naive = datetime.datetime.combine(day, datetime.time(hour, minute))
        return timezone.make_aware(naive)

    def count(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number


def bulk(model, rows, region=None, name=None):
    """Insert ``rows`` in batches; return them with their primary keys set."""
    rows = list(rows)
    model.objects.bulk_create(rows, batch_size=BATCH)
    rows_written(model)
    if region is not None:
        region.count(name or model._meta.verbose_name_plural, len(rows))
    return rows


def bulk_through(relation, pairs, region=None, name=None):
    """Insert the rows of a many-to-many table from (source pk, target pk) pairs."""
    through = relation.through
    source = relation.field.m2m_field_name() + "_id"
    target = relation.field.m2m_reverse_field_name() + "_id"
    rows = [through(**{source: a, target: b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=BATCH)
    rows_written(through)
    if region is not None and name:
        region.count(name, len(rows))
    return rows
