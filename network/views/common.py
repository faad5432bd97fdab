"""How the network's views fetch their objects and hand out private files."""

from core.access import get_object_for_user
from core.private_files import private_attachment
from network.models import Activity, Partnership, Problem, Stage

# The centre and the staff of a member school know of a partnership and of all it holds.
KNOWN_BY = "network.know_partnership"


def partnerships():
    return Partnership.objects.select_related("leader", "roadmap").prefetch_related("schools")


def stages():
    return Stage.objects.select_related("roadmap__partnership__leader").prefetch_related(
        "roadmap__partnership__schools"
    )


def problems():
    return Problem.objects.select_related(
        "roadmap__partnership__leader", "school"
    ).prefetch_related("roadmap__partnership__schools")


def activities():
    return Activity.objects.select_related("stage__roadmap__partnership__leader").prefetch_related(
        "stage__roadmap__partnership__schools"
    )


def get_partnership(user, pk, *, perm) -> Partnership:
    return get_object_for_user(user, partnerships(), perm=perm, known_by=KNOWN_BY, pk=pk)


def get_stage(user, pk, *, perm) -> Stage:
    return get_object_for_user(user, stages(), perm=perm, known_by=KNOWN_BY, pk=pk)


def get_problem(user, pk, *, perm) -> Problem:
    return get_object_for_user(user, problems(), perm=perm, known_by=KNOWN_BY, pk=pk)


def get_activity(user, pk, *, perm) -> Activity:
    return get_object_for_user(user, activities(), perm=perm, known_by=KNOWN_BY, pk=pk)


def private_file(field, name):
    """Hand out a private file as an attachment, never rendered by the browser."""
    return private_attachment(field, name)
