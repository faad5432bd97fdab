from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core.uploads import content_type_of
from network.models import Activity, Partnership, Problem, Stage
from schools.access import authorize  # noqa: F401  (network's views take it from here)


def get_partnership(pk) -> Partnership:
    return get_object_or_404(
        Partnership.objects.select_related("leader").prefetch_related("schools"), pk=pk
    )


def get_stage(pk) -> Stage:
    return get_object_or_404(
        Stage.objects.select_related("roadmap__partnership__leader").prefetch_related(
            "roadmap__partnership__schools"
        ),
        pk=pk,
    )


def get_problem(pk) -> Problem:
    return get_object_or_404(
        Problem.objects.select_related("roadmap__partnership__leader", "school").prefetch_related(
            "roadmap__partnership__schools"
        ),
        pk=pk,
    )


def get_activity(pk) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("stage__roadmap__partnership__leader").prefetch_related(
            "stage__roadmap__partnership__schools"
        ),
        pk=pk,
    )


def private_file(field, name):
    """Hand out a private file as an attachment, never rendered by the browser."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    filename = name or Path(field.name).name
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type_of(filename)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
