"""How the bank's views fetch their objects and answer after a change."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect

from core.access import get_object_for_user
from core.errors import DomainError
from practices.models import Practice, PracticeReview
from schools.models import Teacher

KNOWN_BY = "practices.know_practice"


def practices():
    return Practice.objects.select_related(
        "school", "risk_factor", "submitted_by"
    ).prefetch_related(
        Prefetch("authors", queryset=Teacher.objects.select_related("user")), "subjects"
    )


def get_practice(user, pk, *, perm) -> Practice:
    return get_object_for_user(user, practices(), perm=perm, known_by=KNOWN_BY, pk=pk)


def run(request, action, success, back):
    """Run a service; show its refusal or the success message; go back."""
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(back)


def thread_of(practice):
    return PracticeReview.objects.filter(practice=practice).select_related("author")
