"""Who may take a seat: the capacity and the seats reserved for supported schools.

Every function here but ``event_lock`` expects the caller to hold the lock on the event
row (``event_lock``), so that the counts cannot change under it.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from events.models import Event, Registration
from schools.models import School

SUPPORTED = [School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE]


def event_lock(event: Event) -> Event:
    """Lock the event row: every seat decision of one event happens one at a time."""
    return Event.objects.select_for_update().get(pk=event.pk)


@dataclass
class Occupancy:
    confirmed: int
    confirmed_supported: int

    def take(self, *, supported):
        self.confirmed += 1
        if supported:
            self.confirmed_supported += 1


def occupancy(event: Event) -> Occupancy:
    confirmed = Q(status=Registration.Status.CONFIRMED)
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=confirmed),
        supported=Count("pk", filter=confirmed & Q(teacher__school__category__in=SUPPORTED)),
    )
    return Occupancy(confirmed=counts["confirmed"], confirmed_supported=counts["supported"])


def has_seat_for(event: Event, taken: Occupancy, *, supported: bool) -> bool:
    """Whether one more teacher (of a supported school or not) fits now."""
    if event.capacity is None:
        return True
    if taken.confirmed >= event.capacity:
        return False
    if supported or not event.reservation_active:
        return True
    # Supported teachers beyond the reserve sit in the open seats too.
    open_seats = event.capacity - event.reserved_seats
    used = (taken.confirmed - taken.confirmed_supported) + max(
        0, taken.confirmed_supported - event.reserved_seats
    )
    return used < open_seats
