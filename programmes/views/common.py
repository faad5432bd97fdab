"""How the programmes views fetch their objects: 404 to whom may not know of them."""

from django.contrib import messages
from django.shortcuts import redirect

from core.access import get_object_for_user
from core.errors import DomainError
from programmes.models import Measure, MonitoringRound, RiskProgramme
from programmes.selectors import profiles

KNOWN_BY = "programmes.know_programme"


def get_profile(user, pk, *, perm):
    return get_object_for_user(user, profiles(), perm=perm, known_by=KNOWN_BY, pk=pk)


def get_risk(user, pk, *, perm):
    queryset = RiskProgramme.objects.select_related(
        "programme__profile__school", "assessment__risk_factor"
    )
    return get_object_for_user(user, queryset, perm=perm, known_by=KNOWN_BY, pk=pk)


def get_measure(user, pk, *, perm):
    queryset = Measure.objects.select_related("risk__programme__profile__school")
    return get_object_for_user(user, queryset, perm=perm, known_by=KNOWN_BY, pk=pk)


def get_round(user, pk, *, perm):
    queryset = MonitoringRound.objects.select_related("programme__profile__school")
    return get_object_for_user(user, queryset, perm=perm, known_by=KNOWN_BY, pk=pk)


def run(request, action, success, url):
    """Run a service; tell the user what came of it; go back to ``url``."""
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(url)
