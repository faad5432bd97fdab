from celery import Task, shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from monitoring.services.reports import TRANSIENT_ERRORS, report_fail, report_render


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
