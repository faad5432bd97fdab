"""Celery tasks of the notifications; the outbox handlers are in services."""

from celery import shared_task

from notifications.services import digests_order


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    """Every morning: one digest per user with notifications waiting for it (beat)."""
    return digests_order()
