"""Reads of the programmes app that several views, the exports and the reports share."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from accounts.roles import Role
from programmes.models import (
    Curatorship,
    Measure,
    MeasureProgress,
    MonitoringRound,
    ProfileEntry,
    Programme,
    ProgrammeEntry,
    RiskAssessment,
    RiskProfile,
    RiskProgramme,
)
from schools.models import School


def curator_id_of(school_id):
    return (
        Curatorship.objects.filter(school_id=school_id).values_list("curator_id", flat=True).first()
    )


def measures():
    return Measure.objects.select_related(
        "activity", "event", "mentorship", "risk__assessment__risk_factor"
    ).prefetch_related("plan_items")


def profiles():
    return RiskProfile.objects.select_related("school", "programme", "school__curatorship__curator")


def profile_detail(pk):
    """A profile with everything its page shows, in a fixed number of queries."""
    return (
        profiles()
        .filter(pk=pk)
        .prefetch_related(
            Prefetch("assessments", RiskAssessment.objects.select_related("risk_factor")),
            Prefetch("entries", ProfileEntry.objects.select_related("author")),
            Prefetch("programme__entries", ProgrammeEntry.objects.select_related("author")),
            Prefetch(
                "programme__risks",
                RiskProgramme.objects.select_related("assessment__risk_factor").prefetch_related(
                    Prefetch("measures", measures())
                ),
            ),
            Prefetch(
                "programme__rounds",
                MonitoringRound.objects.select_related("entered_by").prefetch_related(
                    Prefetch("progress", MeasureProgress.objects.select_related("measure"))
                ),
            ),
        )
    )


def programme_measures(programme):
    return measures().filter(risk__programme=programme).order_by("risk", "due_on", "pk")


def programmes_waiting_for(user):
    """How many profiles and programmes of the user's schools wait for their review."""
    submitted = RiskProfile.State.SUBMITTED
    schools = Curatorship.objects.filter(curator=user).values("school_id")
    return RiskProfile.objects.filter(school_id__in=schools, state=submitted).count() + (
        Programme.objects.filter(profile__school_id__in=schools, state=submitted).count()
    )


def curator_candidates():
    """The methodologists a school's curator is chosen from (a short list)."""
    return (
        get_user_model()
        .objects.filter(role=Role.METHODOLOGIST, is_active=True)
        .order_by("last_name", "first_name", "username")
    )


def schools_for_curators():
    """The supported schools, and any other that has a curator, with the curator."""
    supported = [School.Category.LOW_RESULTS, School.Category.UNFAVOURABLE]
    return (
        School.objects.filter(Q(category__in=supported) | Q(curatorship__isnull=False))
        .select_related("curatorship__curator")
        .order_by("sort_name", "pk")
    )
