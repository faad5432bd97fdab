"""Ordering and rendering reports, and the Celery tasks that render them.

The tasks live beside the functions they call, so that ordering a report needs no import
of a tasks module. They keep the names they were first registered under, so messages
queued before a deploy still find them.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, connections, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.history import audited
from notifications.models import Kind
from notifications.services import notify
from outbox.models import OutboxItem
from outbox.services import enqueue, handler
from reports.kinds.base import KINDS, ReportDataError
from reports.models import Report

logger = logging.getLogger(__name__)

RENDER = "reports.render"

# Errors that say "try again later", not "this report cannot be built".
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


class ReportError(DomainError):
    """A refused order, with a message for the user."""


def report_kind(key):
    try:
        return KINDS[key]
    except KeyError:
        raise ReportError(_("Unknown kind of report.")) from None


@audited
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
        if existing.is_stalled:  # its worker died: the same order starts again
            return report_retry(report=existing)
        return existing
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=kind, params=params, params_key=key, title=spec.title(params), ordered_by=by
            )
            _enqueue(report)
    except IntegrityError:  # an identical order committed a moment earlier
        return pending.get()
    return report


def report_retry(*, report: Report) -> Report:
    """Order again a report that failed or stalled: the same row, the same file."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.may_retry:
            raise ReportError(_("Only a report that failed or stalled can be ordered again."))
        twin = (
            Report.objects.filter(
                ordered_by=report.ordered_by,
                kind=report.kind,
                params_key=report.params_key,
                status__in=Report.PENDING,
            )
            .exclude(pk=report.pk)
            .first()
        )
        if twin is not None:  # the same order is already on its way
            return twin
        _requeue(report)
    return report


def _requeue(report):
    report.status = Report.Status.QUEUED
    report.error = ""
    report.heartbeat_at = None
    report.finished_at = None
    report.save(update_fields=["status", "error", "heartbeat_at", "finished_at"])
    _enqueue(report)


def _enqueue(report):
    enqueue(RENDER, report_id=report.pk)


@handler(RENDER)
def report_render(*, report_id: int) -> Report | None:
    """Render the report's PDF; running it again re-renders and overwrites, never duplicates."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status == Report.Status.DONE:
            return report
        if report.status == Report.Status.RUNNING and not report.is_stalled:
            logger.info("Report %s is being rendered by another worker", report.pk)
            return report
        report.status = Report.Status.RUNNING
        report.attempts += 1
        report.started_at = report.heartbeat_at = timezone.now()
        report.error = ""
        report.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", "error"])
    logger.info("Report %s (%s): attempt %s started", report.pk, report.kind, report.attempts)

    try:
        with heartbeat(report.pk):
            files = report_kind(report.kind).render_files(report.params)
    except TRANSIENT_ERRORS:
        # Queued again; the outbox retries the item with a pause.
        Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED)
        raise
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

    _store(report, "file", "pdf", files.pdf)
    _store(report, "docx", "docx", files.docx)
    _store(report, "annex", "xlsx", files.annex)
    report.status = Report.Status.DONE
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "docx", "annex", "status", "finished_at"])
    logger.info("Report %s done after %s attempt(s)", report.pk, report.attempts)
    _tell(report, Kind.REPORT_DONE, _("The report «%(title)s» is ready"))
    return report


def _store(report, field, extension, content):
    """One file per report and field, whatever an earlier, interrupted run left behind."""
    current = getattr(report, field)
    if content is None:
        if current:
            current.delete(save=False)
        return
    suffix = "-annex" if field == "annex" else ""
    name = f"report-{report.pk}{suffix}.{extension}"
    path = current.field.generate_filename(report, name)
    storage = current.storage
    if current and current.name != path:
        current.delete(save=False)
    if storage.exists(path):
        storage.delete(path)
    current.save(path.rsplit("/", 1)[-1], ContentFile(content), save=False)


def _tell(report, kind, title, text=""):
    """Whoever ordered the report hears that it is ready, or that it failed."""
    if report.ordered_by_id is None:  # the schedule ordered it
        return
    notify(
        [report.ordered_by],
        kind=kind,
        title=title % {"title": report.title},
        text=text,
        url=reverse("reports:report_list"),
    )


def report_fail(*, report: Report, reason: str) -> Report:
    report.status = Report.Status.FAILED
    report.error = reason
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at"])
    _tell(report, Kind.REPORT_FAILED, _("The report «%(title)s» could not be prepared"), reason)
    return report


def report_render_now(*, kind: str, params: dict) -> bytes:
    """Render synchronously, without a Report row (the make_report command)."""
    spec = report_kind(kind)
    try:
        return spec.render(spec.clean(params, None))
    except ReportDataError as error:
        raise ReportError(str(error)) from error


@shared_task(name="monitoring.tasks.render_report")
def render_report(report_id):
    """A render message queued by an earlier version, before the outbox."""
    report_render(report_id=report_id)


def reports_requeue_stalled() -> int:
    """Queue again each report whose worker died, and each queued one nothing will render.

    A report that used up its attempts fails with a message instead.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.REPORT_STALE_SECONDS)
    silent = Report.objects.filter(status=Report.Status.RUNNING).filter(
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, started_at__lt=stale)
    )
    orphans = [
        report.pk
        for report in Report.objects.filter(status=Report.Status.QUEUED, created_at__lt=stale)
        if not _render_is_on_its_way(report)
    ]
    requeued = 0
    for report_id in [*silent.values_list("pk", flat=True), *orphans]:
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=report_id)
            if report.status not in Report.PENDING:
                continue
            if report.attempts >= settings.REPORT_MAX_ATTEMPTS:
                logger.error("Report %s gave up after %s attempts", report.pk, report.attempts)
                report_fail(report=report, reason=_("The report could not be prepared; try again."))
                continue
            logger.warning(
                "Report %s stalled (attempt %s); queued again", report.pk, report.attempts
            )
            _requeue(report)
            requeued += 1
    return requeued


def _render_is_on_its_way(report):
    items = OutboxItem.objects.filter(handler=RENDER, state__in=OutboxItem.OPEN)
    return items.filter(kwargs__report_id=report.pk).exists()


@shared_task(name="reports.requeue_stalled")
def requeue_stalled():
    return reports_requeue_stalled()


@contextmanager
def heartbeat(report_id):
    """While the block runs, a thread writes the report's heartbeat every few seconds."""
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.REPORT_HEARTBEAT_SECONDS):
                Report.objects.filter(pk=report_id, status=Report.Status.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
        except Exception:  # a missed beat must not break the render
            logger.warning("Report %s: heartbeat failed", report_id, exc_info=True)
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@shared_task(name="monitoring.tasks.order_scheduled_municipal_report")
def order_scheduled_municipal_report():
    """The municipal report of the current period, on the schedule (Celery beat)."""
    report = report_order(kind=Report.Kind.MUNICIPAL, params={}, by=None)
    return report.pk
