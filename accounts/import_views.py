"""The page of a long import and the JSON its script polls for the progress."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.models import ImportJob


def _job_for(request, pk):
    """The user's own import job; anyone else's is unknown to them (404)."""
    return get_object_or_404(ImportJob.objects.defer("data"), pk=pk, started_by=request.user)


def job_summary(job) -> dict:
    summary = {
        "state": job.state,
        "state_label": str(job.get_state_display()),
        "finished": job.finished,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "message": "",
    }
    if job.state == ImportJob.State.DONE:
        summary["message"] = _(
            "Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged."
        ) % {
            "created": job.result.get("created", 0),
            "updated": job.result.get("updated", 0),
            "unchanged": job.result.get("unchanged", 0),
        }
    elif job.state == ImportJob.State.FAILED:
        summary["message"] = job.error
    elif job.state == ImportJob.State.QUEUED:
        summary["message"] = _(
            "The import waits for a worker; it starts by itself, the file is kept."
        )
    return summary


@login_required
@require_GET
def import_job(request, pk):
    """A long import's progress bar, then its result."""
    job = _job_for(request, pk)
    return render(request, "accounts/import_job.html", {"job": job, "summary": job_summary(job)})


@login_required
@require_GET
def import_job_status(request, pk):
    """How far the import got, for the page's script."""
    job = _job_for(request, pk)
    return JsonResponse(job_summary(job))
