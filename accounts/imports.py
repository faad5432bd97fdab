"""Long imports done by a worker, with their progress, for every importer.

An importer starts a job with its file (``import_job_start``) and registers an outbox
handler that calls ``import_job_run`` with the function that imports. That function
takes the job and a ``progress(done, total)`` callback; it returns the result counts
and raises a ``DomainError`` for a file it refuses. The job is an outbox item: if the
broker is down it waits for the sweeper, and the user's page says it is waiting.

An import writes every row or none inside one transaction, so its progress, written
through the same connection, would stay invisible until the end. On PostgreSQL the
progress goes through a second connection of its own; elsewhere (SQLite in development)
the page sees the job queued, running, then finished.
"""

import logging

from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ImportJob
from core.errors import DomainError
from outbox.services import enqueue

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)
# A file's progress is told about twenty times, and at least every this many rows.
PROGRESS_EVERY = 250


def import_job_start(
    *,
    handler: str,
    kind: str,
    file_name: str,
    data: bytes,
    sheet="",
    params=None,
    by,
    total=0,
    return_url="",
) -> ImportJob:
    """Keep the file and hand the import to a worker once the job is committed."""
    with transaction.atomic():
        job = ImportJob.objects.create(
            kind=kind,
            file_name=file_name[:255],
            data=data,
            sheet=sheet or "",
            params=params or {},
            started_by=by,
            total=total,
            return_url=return_url,
        )
        enqueue(handler, job_id=job.pk)
    return job


class ProgressWriter:
    """``progress(done, total)`` for a job, seen by other connections while it runs."""

    def __init__(self, job_id):
        self.job_id = job_id
        self.side = None
        self.total = 0

    def __call__(self, done, total):
        done = min(done, total)
        self.total = total
        if not connection.in_atomic_block:
            ImportJob.objects.filter(pk=self.job_id).update(done=done, total=total)
            return
        if connection.vendor != "postgresql":
            return  # SQLite: a second connection would wait for the import's lock
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        quote = self.side.ops.quote_name
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(ImportJob._meta.db_table)} SET {quote('done')} = %s, "
                f"{quote('total')} = %s WHERE {quote('id')} = %s",
                [done, total, self.job_id],
            )

    def close(self):
        if self.side is not None:
            self.side.close()
            self.side = None


def progress_rows(rows, progress):
    """The rows, telling ``progress(done, total)`` after every few of them and the last."""
    total = len(rows)
    if progress is None:
        yield from rows
        return
    step = max(1, min(PROGRESS_EVERY, total // 20))
    for done, row in enumerate(rows, start=1):
        yield row
        if done % step == 0 or done == total:
            progress(done, total)


class ProgressSteps:
    """An import's two steps, checking then writing, as one count: each row twice.

    ``checked(done, total)`` hears of the rows checked; ``written(done, total)`` of the
    rows (or values) written, shown as the second half; ``progress`` may be None.
    """

    def __init__(self, progress):
        self.progress = progress
        self.rows = 0

    def checked(self, done, total):
        self.rows = total
        if self.progress:
            self.progress(done, 2 * total)

    def written(self, done, total):
        if self.progress:
            share = self.rows * min(done, total) // total if total else self.rows
            self.progress(self.rows + share, 2 * self.rows)


def import_job_run(*, job_id: int, work) -> ImportJob | None:
    """Run ``work(job, progress)`` once for a job and record how it ended."""
    claimed = ImportJob.objects.filter(
        pk=job_id, state__in=[ImportJob.State.QUEUED, ImportJob.State.RUNNING]
    ).update(state=ImportJob.State.RUNNING, done=0)
    job = ImportJob.objects.filter(pk=job_id).first()
    if not claimed:  # finished already, or gone: a message delivered twice does nothing
        return job
    progress = ProgressWriter(job.pk)
    try:
        result = work(job, progress)
    except TRANSIENT_ERRORS:
        ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.QUEUED)
        raise  # the outbox hands the job out again after a pause
    except DomainError as error:
        return _finish(job, state=ImportJob.State.FAILED, error=str(error))
    except Exception:
        logger.exception("Import job %s (%s) failed", job.pk, job.kind)
        message = _("The import failed; nothing was imported. Try again later.")
        return _finish(job, state=ImportJob.State.FAILED, error=message)
    finally:
        progress.close()
    job.total = max(job.total, progress.total)
    return _finish(job, state=ImportJob.State.DONE, result=result)


def _finish(job, *, state, result=None, error=""):
    if state == ImportJob.State.FAILED:  # how far it got, as its progress wrote it
        job.refresh_from_db(fields=["done", "total"])
    job.state = state
    job.result = dict(result or {})
    job.record_id = job.result.pop("record_id", None)
    job.error = error
    job.done = job.total if state == ImportJob.State.DONE else job.done
    job.data = b""  # the file is not kept once the import is over
    job.finished_at = timezone.now()
    job.save()
    return job
