"""The municipal monitoring report for a period: the centre's report to the coordinating
centre. It has the same shape for 20 schools or 2,000: figures by school category, the
best and the lowest schools, the network, events, plans and warnings; every school's
values go to the XLSX annex produced with it.

SECTIONS is the report's table of contents: another app adds its section by adding its
builder (``(scope, params) -> Section | None``) to the list.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from monitoring.models import Period
from reports.kinds import municipal_indicators as indicators
from reports.kinds import municipal_sections as sections
from reports.kinds.base import ReportDataError, ReportKind, new_document, register
from reports.kinds.municipal_annex import municipal_annex
from reports.kinds.period_facts import scope_for
from reports.kinds.programme_sections import municipal_programmes
from reports.models import Report
from reports.rules import may_order_about

CONCLUSION_MAX = 5000

SECTIONS = [
    lambda scope, params: sections.summary(scope),
    lambda scope, params: indicators.trends(scope),
    lambda scope, params: indicators.by_category(scope),
    lambda scope, params: indicators.extremes(scope),
    lambda scope, params: sections.warnings(scope),
    lambda scope, params: sections.network(scope),
    lambda scope, params: sections.events_and_plans(scope),
    municipal_programmes,
    lambda scope, params: sections.conclusions(scope, params.get("conclusion", "")),
]


def _period(params):
    return Period.objects.filter(pk=params["period"]).first()


def clean(params, user):
    raw = params.get("period")
    if raw in (None, ""):
        period = Period.objects.current()
    else:
        try:
            period = Period.objects.filter(pk=int(raw)).first()
        except (TypeError, ValueError):
            period = None
    if period is None:
        raise ReportDataError(_("The period is not found."))
    if not may_order_about(user, Report.Kind.MUNICIPAL, None):
        raise ReportDataError(_("Only the centre orders the municipal report."))
    cleaned = {"period": period.pk}
    conclusion = str(params.get("conclusion") or "").strip()
    if len(conclusion) > CONCLUSION_MAX:
        raise ReportDataError(
            _("The conclusion is longer than %(max)s characters.") % {"max": CONCLUSION_MAX}
        )
    if conclusion:
        cleaned["conclusion"] = conclusion
    return cleaned


def title(params):
    period = _period(params)
    return _("Municipal monitoring report for %(period)s") % {
        "period": period.name if period else "—"
    }


def subject(params):
    return _("The state of the schools and of the network of the municipality")


def period_lines(scope):
    """The title page's lines: the period and the date the data are taken as of."""
    return [
        _("Academic year %(name)s (%(start)s – %(end)s)")
        % {
            "name": scope.period.name,
            "start": formats.date_format(scope.period.starts_on, "d.m.Y"),
            "end": formats.date_format(scope.period.ends_on, "d.m.Y"),
        },
        _("Data as of %(date)s") % {"date": formats.date_format(scope.as_of, "d.m.Y")},
    ]


def document(params):
    period = _period(params)
    if period is None:
        raise ReportDataError(_("The period no longer exists."))
    scope = scope_for(period)
    built = new_document(title(params), period_lines(scope))
    built.sections = [s for s in (build(scope, params) for build in SECTIONS) if s is not None]
    return built


def annex(params):
    period = _period(params)
    if period is None:
        raise ReportDataError(_("The period no longer exists."))
    return municipal_annex(scope_for(period))


MUNICIPAL = register(
    ReportKind(
        key="municipal",
        clean=clean,
        title=title,
        subject=subject,
        document=document,
        annex=annex,
    )
)
