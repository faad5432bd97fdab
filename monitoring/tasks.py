"""Celery tasks of the monitoring: they take primary keys and call the services."""

from celery import shared_task

from monitoring.models import Period
from monitoring.notices import period_deadlines_remind, weekly_digest
from monitoring.services.computed import computed_recalculate
from monitoring.services.indicator_import import indicator_import_job  # noqa: F401 (for the worker)
from outbox.services import enqueue, handler

RECALCULATE = "monitoring.recalculate_computed"


def recalculation_order(*, period: Period) -> None:
    """Recalculate the period's computed indicators once this transaction commits."""
    enqueue(RECALCULATE, period_id=period.pk)


@handler(RECALCULATE)
@shared_task(time_limit=600, soft_time_limit=570)
def recalculate_computed(period_id: int | None = None) -> dict:
    """Recalculate the computed indicators of one period, or of every open period.

    Idempotent: a second run writes nothing new. Locked periods keep their values.
    """
    periods = Period.objects.filter(state=Period.State.OPEN)
    if period_id is not None:
        periods = periods.filter(pk=period_id)
    done = {}
    for period in periods:
        result = computed_recalculate(period=period)
        done[period.name] = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "deleted": result.deleted,
        }
    return done


@shared_task(name="monitoring.remind_period_deadlines")
def remind_period_deadlines() -> int:
    return period_deadlines_remind()


@shared_task(name="monitoring.weekly_digest")
def send_weekly_digest() -> int:
    return weekly_digest()
