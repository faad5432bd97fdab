"""The reports' Celery tasks, defined beside their services; imported here for Celery."""

from reports.services import order_scheduled_municipal_report, render_report, requeue_stalled

__all__ = ["order_scheduled_municipal_report", "render_report", "requeue_stalled"]
