"""The programme's section of the school and municipal reports, and its signed document."""

from django.utils import timezone

from programmes import summary
from programmes.figures import figures_for, percent, share
from programmes.models import RiskProfile
from programmes.selectors import profile_detail


def school_section(profile):
    """What the programme section shows of one school's profile and programme."""
    profile = profile_detail(profile.pk).get()
    assessments = list(profile.assessments.all())
    return {
        "profile": profile,
        "programme": profile.programme,
        "assessments": assessments,
        "figures": figures_for(profile.school, profile.year, [a.risk_factor for a in assessments]),
        "risks": list(profile.programme.risks.all()),
        "rounds": list(profile.programme.rounds.all()),
    }


def school_section_for(school, year):
    """The section of the school's report, or None when it has no profile that year."""
    profile = RiskProfile.objects.filter(school=school, year=year).first()
    return school_section(profile) if profile is not None else None


def municipal_section(year):
    """What the municipal report shows of the year's programmes."""
    done, due = summary.measures_on_time(year, timezone.localdate())
    stages, closed_between = summary.monitoring_summary(year)
    return {
        "year": year,
        "risks": summary.risk_counts(year),
        "documents": summary.document_counts(year),
        "on_time": {"done": done, "due": due, "share": percent(share(done, due))},
        "stages": stages,
        "closed_between": closed_between,
    }
