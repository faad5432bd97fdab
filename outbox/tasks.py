"""The outbox's Celery tasks, defined beside their services; imported here for Celery."""

from outbox.services import deliver, sweep_task

__all__ = ["deliver", "sweep_task"]
