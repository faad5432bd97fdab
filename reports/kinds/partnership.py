"""The partnership report: the roadmap stage by stage, with results and evidence."""

from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.dashboard_charts import partnership_effect_chart
from monitoring.models import Indicator
from monitoring.selectors.warnings import partnership_effect
from network.models import Partnership
from network.selectors import roadmap_for_page, stage_progress
from reports.kinds.base import ReportDataError, ReportKind, int_param, register
from reports.models import Report
from reports.rules import may_order_about


def _partnership(params):
    return Partnership.objects.filter(pk=params["partnership"]).select_related("leader").first()


def clean(params, user):
    pk = int_param(params, "partnership", _("a partnership"))
    partnership = Partnership.objects.filter(pk=pk).first()
    if partnership is None or not may_order_about(user, Report.Kind.PARTNERSHIP, partnership):
        raise ReportDataError(_("The partnership is not found."))
    return {"partnership": pk}


def title(params):
    partnership = _partnership(params)
    name = partnership.title if partnership else "—"
    return _("Partnership report: %(title)s") % {"title": name}


def subject(params):
    return _("The roadmap of a partnership of schools, stage by stage")


def context(params):
    partnership = _partnership(params)
    if partnership is None:
        raise ReportDataError(_("The partnership no longer exists."))
    roadmap = roadmap_for_page(partnership)
    stages = []
    evidence = []
    for stage in roadmap.stages.all():
        done, planned = stage_progress(stage)
        stages.append({"stage": stage, "done": done, "planned": planned})
        for activity in stage.activities.all():
            if activity.evidence_name or activity.evidence_link:
                evidence.append(activity)
    extra = extra_sections(partnership)
    return {
        "title": title(params),
        "partnership": partnership,
        "roadmap": roadmap,
        "stages": stages,
        "evidence": evidence,
        "generated_at": timezone.localtime(),
        **extra,
    }


# The indicator whose before-and-after the report draws for each supported school.
EFFECT_INDICATOR = "gia_passed_share"


def extra_sections(partnership):
    """The partnership-effect charts: each supported school before and after it started."""
    indicator = Indicator.objects.filter(code=EFFECT_INDICATOR).first()
    if indicator is None:
        return {"effect_charts": []}
    charts = [
        partnership_effect_chart(
            partnership_effect(partnership=partnership, indicator=indicator, school=school)
        )
        for school in partnership.schools.order_by("sort_name")
    ]
    return {"effect_charts": charts}


PARTNERSHIP = register(
    ReportKind(
        key="partnership",
        subject=subject,
        template="reports/pdf/partnership.html",
        clean=clean,
        title=title,
        context=context,
    )
)
