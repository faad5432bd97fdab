"""Celery tasks of the monitoring: they take primary keys and call the services."""

from celery import Task, shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from .models import Period
from .services.computed import computed_recalculate
from .services.reports import TRANSIENT_ERRORS, report_fail, report_order, report_render


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


class ReportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Retries exhausted or a hard failure: the user sees it on the report."""
        from monitoring.models import Report

        report = Report.objects.filter(pk=args[0] if args else kwargs.get("report_id")).first()
        if report is not None and report.status != Report.Status.DONE:
            report_fail(report=report, reason=_("The report could not be prepared; try again."))


@shared_task(
    base=ReportTask,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def render_report(report_id):
    report_render(report_id=report_id)


@shared_task
def order_scheduled_municipal_report():
    """The municipal report of the current period, on the schedule (Celery beat)."""
    report = report_order(kind="municipal", params={}, by=None)
    return report.pk
