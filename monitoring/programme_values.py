"""The indicators and published values that a school programme's monitoring stages take."""

from monitoring.models import Indicator, IndicatorValue
from programmes.indicators import CatalogueIndicator, KnownValue, register_source


class MonitoringValues:
    """The source that ``programmes.indicators`` reads: the catalogue and its published values."""

    def indicators(self):
        return [
            CatalogueIndicator(code, name, direction == Indicator.Direction.HIGHER)
            for code, name, direction in Indicator.objects.filter(is_active=True)
            .order_by("order", "code")
            .values_list("code", "name", "direction")
        ]

    def values(self, *, school, codes, on, year):
        """The latest published value of each indicator of a period that had started by the
        day of the stage, and not older than the academic year before the programme's.

        A monitoring stage is dated, not tied to a period: the values of an academic year
        (ГИА above all) are approved after the year, so at the entry stage the latest one
        is last year's (the baseline) and at the final one it is the programme's own year
        once approved. A period that had not started by the stage's day cannot describe the
        school at that stage, and one from before the year preceding the programme says
        nothing of the programme. Only published values count: imported, computed, or of a
        submission the centre approved; a school's draft or submitted values do not.
        One query, whatever the number of indicators.
        """
        rows = (
            IndicatorValue.objects.published()
            .filter(
                school=school,
                indicator__code__in=codes,
                period__starts_on__lte=on,
                period__starts_on__year__gte=year - 1,
            )
            .order_by("indicator__code", "-period__starts_on")
            .values_list("indicator__code", "value", "period__name")
        )
        found = {}
        for code, value, period in rows:
            found.setdefault(code, KnownValue(value=value, period=period))
        return found


def register_values():
    register_source(MonitoringValues())
