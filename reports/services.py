"""Ordering and rendering reports, and the Celery tasks that render them.

The tasks live beside the functions they call, so that ordering a report needs no import
of a tasks module. They keep the names they were first registered under, so messages
queued before a deploy still find them.
"""

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from reports.kinds.base import KINDS, ReportDataError
from reports.models import Report

logger = logging.getLogger(__name__)

# Errors that say "try again later", not "this report cannot be built".
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


class ReportError(DomainError):
    """A refused order, with a message for the user."""


def report_kind(key):
    try:
        return KINDS[key]
    except KeyError:
        raise ReportError(_("Unknown kind of report.")) from None


def report_order(*, kind: str, params: dict, by) -> Report:
    """Queue a report, or return the same order that is still pending."""
    spec = report_kind(kind)
    try:
        params = spec.clean(params, by)
    except ReportDataError as error:
        raise ReportError(str(error)) from error
    key = Report.key_for(params)
    pending = Report.objects.filter(
        ordered_by=by, kind=kind, params_key=key, status__in=Report.PENDING
    )
    existing = pending.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=kind, params=params, params_key=key, title=spec.title(params), ordered_by=by
            )
    except IntegrityError:  # an identical order committed a moment earlier
        return pending.get()
    _enqueue(report)
    return report


def _enqueue(report):
    transaction.on_commit(lambda: render_report.delay(report.pk))


def report_render(*, report_id: int) -> Report | None:
    """Render the report's PDF; running it again re-renders and overwrites, never duplicates."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status == Report.Status.DONE:
            return report
        report.status = Report.Status.RUNNING
        report.attempts += 1
        report.started_at = timezone.now()
        report.error = ""
        report.save(update_fields=["status", "attempts", "started_at", "error"])

    try:
        content = report_kind(report.kind).render(report.params)
    except TRANSIENT_ERRORS:
        raise  # the task retries with back-off
    except ReportDataError as error:
        return report_fail(report=report, reason=str(error))
    except SoftTimeLimitExceeded:
        return report_fail(report=report, reason=_("The report took too long to prepare."))
    except Exception:  # whatever broke, the user must see the report failed
        logger.exception("Report %s failed", report.pk)
        return report_fail(
            report=report,
            reason=_("The report could not be prepared because of an internal error."),
        )

    # One file per report, whatever an earlier, interrupted run left behind.
    path = report.file.field.generate_filename(report, f"report-{report.pk}.pdf")
    storage = report.file.storage
    if report.file and report.file.name != path:
        report.file.delete(save=False)
    if storage.exists(path):
        storage.delete(path)
    report.file.save(path.rsplit("/", 1)[-1], ContentFile(content), save=False)
    report.status = Report.Status.DONE
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "finished_at"])
    return report


def report_fail(*, report: Report, reason: str) -> Report:
    report.status = Report.Status.FAILED
    report.error = reason
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at"])
    return report


def report_render_now(*, kind: str, params: dict) -> bytes:
    """Render synchronously, without a Report row (the make_report command)."""
    spec = report_kind(kind)
    try:
        return spec.render(spec.clean(params, None))
    except ReportDataError as error:
        raise ReportError(str(error)) from error


class ReportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Retries exhausted or a hard failure: the user sees it on the report."""
        report = Report.objects.filter(pk=args[0] if args else kwargs.get("report_id")).first()
        if report is not None and report.status != Report.Status.DONE:
            report_fail(report=report, reason=_("The report could not be prepared; try again."))


@shared_task(
    name="monitoring.tasks.render_report",
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


@shared_task(name="monitoring.tasks.order_scheduled_municipal_report")
def order_scheduled_municipal_report():
    """The municipal report of the current period, on the schedule (Celery beat)."""
    report = report_order(kind=Report.Kind.MUNICIPAL, params={}, by=None)
    return report.pk
