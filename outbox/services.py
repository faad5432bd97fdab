"""The outbox: side effects written with the change that causes them, done by workers.

A service calls ``enqueue(handler, **kwargs)`` inside its transaction. Once the
transaction commits the item is handed to Celery (``dispatch``); if the broker is down
the item stays pending and the sweeper (Celery beat, ``outbox.sweep``) hands it out
when the broker is back. A worker runs an item only for the attempt its message names
(``deliver``), so a message delivered twice, or one handed out again, does nothing.
"""

import logging
from datetime import timedelta
from functools import partial

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from outbox.models import OutboxItem

logger = logging.getLogger(__name__)

State = OutboxItem.State
HANDLERS = {}


def handler(name):
    """Register a function as the outbox handler ``name``; its kwargs must be JSON."""

    def register(func):
        HANDLERS[name] = func
        return func

    return register


def find_handler(name):
    if name not in HANDLERS:
        autodiscover_modules("tasks")  # a worker that has not imported the app yet
    return HANDLERS.get(name)


def enqueue(name: str, **kwargs) -> OutboxItem:
    """Record a side effect in the current transaction; it is handed out after the commit."""
    item = OutboxItem.objects.create(handler=name, kwargs=kwargs)
    # Robust: whatever goes wrong handing it out, the change is committed and the item waits.
    transaction.on_commit(partial(dispatch, item.pk), robust=True)
    return item


def dispatch(item_id: int) -> bool:
    """Hand a pending item to the broker; False if it was not pending or the broker is down."""
    claimed = OutboxItem.objects.filter(pk=item_id, state=State.PENDING).update(
        state=State.DISPATCHED, attempts=F("attempts") + 1, dispatched_at=timezone.now()
    )
    if not claimed:
        return False
    attempt = OutboxItem.objects.values_list("attempts", flat=True).get(pk=item_id)
    try:
        deliver.apply_async((item_id, attempt), retry=False)
    except Exception as error:  # the broker is unreachable: the sweeper tries again
        logger.warning("Outbox item %s not handed out (broker: %s); stays pending", item_id, error)
        OutboxItem.objects.filter(pk=item_id, state=State.DISPATCHED, attempts=attempt).update(
            state=State.PENDING, attempts=F("attempts") - 1, dispatched_at=None
        )
        return False
    return True


def retry_delay(failures: int) -> timedelta:
    """Half a minute after the first failure, doubling, at most an hour."""
    return timedelta(seconds=min(30 * 2 ** max(failures - 1, 0), 3600))


def run(item_id: int, attempt: int) -> str:
    """Do one item for the attempt that handed it out; what happened, in a word."""
    claimed = OutboxItem.objects.filter(
        pk=item_id, attempts=attempt, state=State.DISPATCHED
    ).update(state=State.RUNNING, started_at=timezone.now())
    if not claimed:
        logger.info("Outbox item %s attempt %s: already taken or superseded", item_id, attempt)
        return "skipped"
    item = OutboxItem.objects.get(pk=item_id)
    func = find_handler(item.handler)
    try:
        if func is None:
            raise LookupError(f"no outbox handler named {item.handler!r}")
        func(**item.kwargs)
    except Exception as error:  # recorded on the item, retried later or given up
        return _failed(item, attempt, error)
    OutboxItem.objects.filter(pk=item_id, attempts=attempt, state=State.RUNNING).update(
        state=State.DONE, done_at=timezone.now(), last_error=""
    )
    logger.info("Outbox item %s (%s) done, attempt %s", item_id, item.handler, attempt)
    return "done"


def _failed(item, attempt, error):
    failures = item.failures + 1
    final = failures >= settings.OUTBOX_MAX_FAILURES or isinstance(error, LookupError)
    fields = {
        "failures": failures,
        "last_error": f"{type(error).__name__}: {error}"[:2000],
        "state": State.FAILED if final else State.PENDING,
        "available_at": timezone.now() + retry_delay(failures),
    }
    OutboxItem.objects.filter(pk=item.pk, attempts=attempt, state=State.RUNNING).update(**fields)
    if final:
        logger.error(
            "Outbox item %s (%s) failed for good after %s failures",
            item.pk,
            item.handler,
            failures,
            exc_info=error,
        )
        return "failed"
    logger.warning("Outbox item %s (%s) failed (%s), retried later", item.pk, item.handler, error)
    return "retry"


def sweep() -> int:
    """Hand out again whatever is due; items whose message or worker was lost included.

    Returns how many items were handed out.
    """
    now = timezone.now()
    lost_message = now - timedelta(seconds=settings.OUTBOX_REDISPATCH_SECONDS)
    OutboxItem.objects.filter(state=State.DISPATCHED, dispatched_at__lt=lost_message).update(
        state=State.PENDING
    )
    lost_worker = now - timedelta(seconds=settings.OUTBOX_RUN_TIMEOUT_SECONDS)
    for item in OutboxItem.objects.filter(state=State.RUNNING, started_at__lt=lost_worker):
        logger.warning("Outbox item %s (%s): its worker was lost", item.pk, item.handler)
        _failed(item, item.attempts, RuntimeError("the worker was lost"))
    due = OutboxItem.objects.filter(state=State.PENDING, available_at__lte=now)
    ids = list(due.order_by("available_at", "pk").values_list("pk", flat=True)[:500])
    handed_out = sum(dispatch(item_id) for item_id in ids)
    keep = now - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    OutboxItem.objects.filter(state=State.DONE, done_at__lt=keep).delete()
    return handed_out


def backlog() -> dict:
    """How many items wait, and for how many seconds the oldest of them has."""
    waiting = OutboxItem.objects.filter(state__in=OutboxItem.OPEN)
    summary = waiting.aggregate(oldest=Min("created_at"))
    oldest = summary["oldest"]
    return {
        "pending": waiting.count(),
        "failed": OutboxItem.objects.filter(state=State.FAILED).count(),
        "oldest_age_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else 0,
    }


@shared_task(name="outbox.deliver")
def deliver(item_id: int, attempt: int) -> str:
    return run(item_id, attempt)


@shared_task(name="outbox.sweep")
def sweep_task() -> int:
    return sweep()
