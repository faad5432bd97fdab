"""Charts of the dashboards built from the selectors: the pages and the PDF reports call
these, so a chart looks the same on screen and on paper.

Each returns a ``Chart``: the SVG string and the same numbers as a table (headers and
rows), for a table view beside the chart.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import Bar, Series, bar_chart, line_chart
from core.formats import decimal_comma
from monitoring.selectors.indicators import municipal_summary, school_series


@dataclass
class Chart:
    """An SVG chart and the same numbers as a table."""

    svg: str
    title: str
    headers: list
    rows: list


def unit_of(indicator) -> str:
    return "%" if indicator.is_percent else ""


def _number(value):
    """«7», «91,5»: a count or a whole share shows no decimals."""
    return decimal_comma(value, places=1)


def _point(point):
    """A category's average with its spread and the number of schools, as table text."""
    if point.average is None:
        return "—"
    text = ngettext(
        "%(average)s (%(low)s–%(high)s; %(count)s school)",
        "%(average)s (%(low)s–%(high)s; %(count)s schools)",
        point.count,
    )
    return text % {
        "average": _number(point.average),
        "low": _number(point.low),
        "high": _number(point.high),
        "count": point.count,
    }


def category_trend_chart(*, indicator, periods) -> Chart:
    """One indicator over periods per school category: average line, lowest–highest band."""
    summary = municipal_summary(indicator=indicator, periods=periods)
    title = _("%(name)s by school category") % {"name": indicator.name}
    labels = [p.name for p in periods]
    svg = line_chart(
        title=title,
        labels=labels,
        series=[
            Series(
                group.label,
                [p.average for p in group.points],
                low=[p.low for p in group.points],
                high=[p.high for p in group.points],
            )
            for group in summary
        ],
        unit=unit_of(indicator),
        description=_("Average per category; the band shows the lowest and highest school."),
    )
    rows = [[group.label] + [_point(p) for p in group.points] for group in summary]
    return Chart(svg=svg, title=title, headers=[_("Category"), *labels], rows=rows)


def ranking_chart(*, indicator, period, ranking, average=None, total=None) -> str:
    """Bars of ranking rows, supported schools emphasised, the average as a line; of a long
    ranking (``total`` schools) the rows are its two ends, each bar numbered by its rank."""
    ends = total is not None and total > len(ranking)
    title = (
        _("The best and the lowest schools of %(total)s, %(period)s")
        % {"total": total, "period": period.name}
        if ends
        else _("Ranking of schools, %(period)s") % {"period": period.name}
    )
    return bar_chart(
        title=title,
        bars=[
            Bar(
                f"{r.rank}. {r.school}" if ends else str(r.school),
                r.value,
                emphasis=r.school.is_supported,
            )
            for r in ranking
        ],
        unit=unit_of(indicator),
        reference=average,
        reference_label=_("average"),
        description=_("Low-result and unfavourable schools are drawn in orange and bold."),
    )


def school_trend_chart(*, school, indicator, periods, averages=None) -> Chart:
    """A school's indicator over periods beside the municipal average (``averages``, one
    per period, if already known)."""
    mine, averages = school_series(
        school=school, indicator=indicator, periods=periods, averages=averages
    )
    labels = [p.name for p in periods]
    title = f"{indicator.name}: {school}"
    svg = line_chart(
        title=title,
        labels=labels,
        series=[Series(str(school), mine), Series(_("Municipal average"), averages)],
        unit=unit_of(indicator),
    )
    rows = [
        [str(school), *map(_number, mine)],
        [_("Municipal average"), *map(_number, averages)],
    ]
    return Chart(svg=svg, title=title, headers=[_("Who"), *labels], rows=rows)


def partnership_effect_chart(effect) -> Chart:
    """A ``partnership_effect``: the supported school, its leader and the municipal average,
    with a mark where the partnership started."""
    labels = [p.name for p in effect.periods]
    marker = effect.periods.index(effect.start_period) if effect.start_period else None
    title = _("%(name)s before and after the partnership") % {"name": effect.indicator.name}
    svg = line_chart(
        title=title,
        labels=labels,
        series=[Series(s.name, s.values) for s in effect.series],
        unit=unit_of(effect.indicator),
        marker_index=marker,
        marker_label=_("partnership started"),
    )
    rows = [[s.name, *map(_number, s.values)] for s in effect.series]
    return Chart(svg=svg, title=title, headers=[_("Who"), *labels], rows=rows)
