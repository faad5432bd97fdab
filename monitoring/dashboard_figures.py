"""The dashboards' figures, computed once per period and kept until monitoring data changes.

A region's figures (the ranking, the averages, the early warnings) are read by every
visitor of a dashboard and change only when values, submissions, targets, periods,
schools, partnerships or activities do; ``register_invalidation`` connects those models,
and the bulk writers call ``monitoring_changed`` themselves. The dashboards' and the
submission list's bodies are kept in the same area as HTML (``core.kept_html``, in the
views): one school's own values are read when its body is rendered again, after a change.
"""

import zlib

from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.utils import timezone, translation

from core.figures_cache import area_changed, bump_on_change, cached_figures
from core.pagination import CountedPaginator
from monitoring.dashboard_charts import category_trend_chart, ranking_chart
from monitoring.selectors.indicators import (
    averages_over_periods,
    municipal_average_and_count,
    municipal_averages,
)
from monitoring.selectors.ranking import ranking_ends, ranking_queryset, ranking_rows
from monitoring.selectors.warnings import early_warnings

AREA = "monitoring"


def monitoring_changed():
    """Every dashboard figure is computed again (for writers that bypass ``save()``)."""
    area_changed(AREA)


def register_invalidation():
    from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Period, Target
    from network.models import Activity, Partnership
    from schools.models import CategoryRecord, School

    bump_on_change(
        AREA,
        IndicatorValue,
        IndicatorSubmission,
        Indicator,
        Period,
        Target,
        School,
        CategoryRecord,
        Partnership,
        Partnership.schools.through,
        Activity,
    )


def indicators_and_periods():
    """Every active indicator and every period, latest first: what each dashboard chooses
    among (``Choice``)."""
    from monitoring.models import Indicator, Period

    def read():
        return list(Indicator.objects.filter(is_active=True)), list(
            Period.objects.order_by("-starts_on")
        )

    return cached_figures(AREA, "indicators-and-periods", read)


def supported_schools(partnership):
    """The schools a partnership supports, by name."""
    return cached_figures(
        AREA,
        f"supported-schools:{partnership.pk}",
        lambda: list(partnership.schools.order_by("sort_name")),
    )


def _key(*parts):
    return ":".join(str(p) for p in (translation.get_language(), *parts))


def _number(paginator, raw):
    """The page that ``Paginator.get_page`` would show for ``raw``."""
    try:
        return paginator.validate_number(raw)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def municipal_ranking(*, indicator, period, periods, page_size, raw_page):
    """The ranking's page, its chart, the trend chart and the average:
    ``(page, rows, chart, trend, average)``, rows being the page's ``SchoolRow``s."""
    average, count = cached_figures(
        AREA,
        _key("average", indicator.pk, period.pk),
        lambda: municipal_average_and_count(indicator=indicator, period=period),
    )
    ranked = ranking_queryset(indicator=indicator, period=period)
    paginator = CountedPaginator(ranked, page_size, count=count)
    number = _number(paginator, raw_page)

    def compute():
        page = paginator.page(number)
        rows = ranking_rows(page.object_list, indicator=indicator, first_rank=page.start_index())
        first_rows = rows if number == 1 else None
        ends = ranking_ends(indicator=indicator, period=period, count=count, first_rows=first_rows)
        chart = ranking_chart(
            indicator=indicator, period=period, ranking=ends, average=average, total=count
        )
        trend = category_trend_chart(indicator=indicator, periods=periods)
        return rows, chart, trend

    key = _key("ranking", indicator.pk, period.pk, page_size, number)
    rows, chart, trend = cached_figures(AREA, key, compute)
    return Page(rows, number, paginator), rows, chart, trend, average


def warnings_page(*, period, indicators, page_size, raw_page):
    """A page of the municipality's early warnings; only that page is kept."""
    today = timezone.localdate()
    computed = []  # the whole list, once this request has had to find it

    def found():
        if not computed:
            computed.append(early_warnings(period=period, today=today, indicators=indicators))
        return computed[0]

    count = cached_figures(AREA, _key("warnings-count", period.pk, today), lambda: len(found()))
    paginator = CountedPaginator([], page_size, count=count)
    number = _number(paginator, raw_page)
    start = (number - 1) * page_size
    key = _key("warnings", period.pk, today, page_size, number)
    rows = cached_figures(AREA, key, lambda: found()[start : start + page_size])
    return Page(rows, number, paginator)


def school_warnings(*, period, school, indicators):
    """One school's early warnings."""
    today = timezone.localdate()
    return cached_figures(
        AREA,
        _key("school-warnings", period.pk, today, school.pk),
        lambda: early_warnings(period=period, today=today, school=school, indicators=indicators),
    )


def averages_by_indicator(*, indicators, period):
    """``municipal_averages`` of the indicators for the period."""
    ids = ",".join(str(i.pk) for i in indicators)
    return cached_figures(
        AREA,
        _key("averages", period.pk, zlib.crc32(ids.encode())),
        lambda: municipal_averages(indicators=indicators, period=period),
    )


def averages_by_period(*, indicator, periods):
    """``averages_over_periods`` of the indicator."""
    ids = ",".join(str(p.pk) for p in periods)
    return cached_figures(
        AREA,
        _key("period-averages", indicator.pk, ids),
        lambda: averages_over_periods(indicator=indicator, periods=periods),
    )
