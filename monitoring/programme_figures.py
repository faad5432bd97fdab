"""The monitoring figures that a school's risk profile shows beside its risk factors."""

from django.utils.translation import gettext as _

from core.formats import decimal_comma
from monitoring.models import IndicatorValue
from programmes.figures import LEARNING_FAILURE, Figure, percent, register


def gia_figures(school, year):
    """The ГИА pass share of the school's last period up to the year, and its trend: of
    published values only, as the dashboards show them (not a submission under review)."""
    values = list(
        IndicatorValue.objects.published()
        .filter(
            school=school,
            indicator__code="gia_passed_share",
            period__starts_on__year__lte=year,
        )
        .select_related("period")
        .order_by("-period__starts_on")[:2]
    )
    if not values:
        return [Figure(_("ГИА pass share"), "—", _("no values yet"))]
    latest = values[0]
    figures = [Figure(_("ГИА pass share"), percent(latest.value), latest.period.name)]
    if len(values) == 2:
        change = latest.value - values[1].value
        sign = "+" if change > 0 else ""
        figures.append(
            Figure(
                _("Trend of the ГИА pass share"),
                _("%(change)s pp") % {"change": f"{sign}{decimal_comma(change, places=1)}"},
                _("against %(period)s") % {"period": values[1].period.name},
            )
        )
    return figures


def register_figures():
    register(LEARNING_FAILURE, gia_figures)
