"""Reads of the programmes app that several views, the exports and the reports share."""

from django.db.models import Prefetch

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
