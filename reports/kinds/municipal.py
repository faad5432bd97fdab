"""The municipal monitoring report for a period: the centre's report to the coordinating
centre, with every indicator by school, the network, the events, the plans and the
early-warning list."""

from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.models import Period
from reports.kinds import municipal_sections as sections
from reports.kinds.base import ReportDataError, ReportKind, register
from reports.models import Report
from reports.rules import may_order_about

CONCLUSION_MAX = 5000


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


def context(params):
    period = _period(params)
    if period is None:
        raise ReportDataError(_("The period no longer exists."))
    today = timezone.localdate()
    events = sections.events(period)
    return {
        "title": title(params),
        "period": period,
        "conclusion": params.get("conclusion", ""),
        "summary": sections.summary(period),
        "indicator_tables": sections.indicator_tables(period),
        "charts": sections.charts(period),
        "partnerships": sections.partnerships(today),
        "events": events,
        "events_total": sum(row["events"] for row in events),
        "plans": sections.plans(period),
        "warnings": sections.warnings(period, today),
        "generated_at": timezone.localtime(),
    }


MUNICIPAL = register(
    ReportKind(
        key="municipal",
        template="reports/pdf/municipal.html",
        clean=clean,
        title=title,
        context=context,
    )
)
