"""The portal's own figures shown beside the risk factors of a school's profile.

A provider is a function of (school, year) that returns a list of ``Figure``; it is
registered for a risk factor by the factor's name. The figures that lower apps hold
(development plans, events) are computed here; the monitoring app, which sits above
this one, registers its own (the ГИА pass share and its trend) in its ``AppConfig.ready``.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from core.formats import decimal_comma

QUALIFICATION = "Несформированность внутришкольной системы повышения квалификации"
LEARNING_FAILURE = "Высокая доля обучающихся с рисками учебной неуспешности"

_PROVIDERS: dict[str, list] = {}


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


def register(risk_name, provider):
    """Show what ``provider(school, year)`` returns beside the named risk factor."""
    providers = _PROVIDERS.setdefault(risk_name, [])
    if provider not in providers:
        providers.append(provider)


def figures_for(school, year, risk_factors) -> dict[int, list[Figure]]:
    """The figures for each of the given risk factors, by the factor's id."""
    found = {}
    for factor in risk_factors:
        figures = []
        for provider in _PROVIDERS.get(factor.name, []):
            figures.extend(provider(school, year))
        if figures:
            found[factor.pk] = figures
    return found


def share(part, whole):
    """A percentage as Russian text, «—» when there is nothing to divide."""
    if not whole:
        return None
    return 100 * part / whole


def percent(value):
    return "—" if value is None else f"{decimal_comma(value, places=1)} %"


def qualification_figures(school, year):
    """The share of the school's teachers with an approved plan, and who attended events."""
    from development.models import DevelopmentPlan
    from events.models import Registration
    from schools.models import Teacher

    teachers = Teacher.objects.filter(school=school).count()
    approved = (
        DevelopmentPlan.objects.filter(
            teacher__school=school,
            year=year,
            status__in=[DevelopmentPlan.Status.APPROVED, DevelopmentPlan.Status.COMPLETED],
        )
        .values("teacher")
        .distinct()
        .count()
    )
    attended = (
        Registration.objects.filter(
            teacher__school=school,
            attended=True,
            event__starts_at__date__gte=date(year, 9, 1),
            event__starts_at__date__lt=date(year + 1, 9, 1),
        )
        .values("teacher")
        .distinct()
        .count()
    )
    return [
        Figure(
            _("Teachers with an approved development plan"),
            percent(share(approved, teachers)),
            _("%(part)s of %(whole)s") % {"part": approved, "whole": teachers},
        ),
        Figure(
            _("Teachers who attended events this year"),
            percent(share(attended, teachers)),
            _("%(part)s of %(whole)s") % {"part": attended, "whole": teachers},
        ),
    ]


def register_builtin():
    register(QUALIFICATION, qualification_figures)
