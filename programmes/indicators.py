"""The monitoring indicators a measure may name, and their values, from the app that keeps them.

A measure names the indicator it should move; when that is an indicator of the monitoring
catalogue (by its code), each monitoring stage of the programme takes the indicator's
value from monitoring instead of asking the school for it. The monitoring app sits above
this one, so it registers the source in its ``AppConfig.ready``
(``monitoring/programme_values.py``), as it registers the risk profile's figures; without
a source every indicator is typed by hand.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class CatalogueIndicator:
    code: str
    name: str
    higher_is_better: bool = True


@dataclass(frozen=True)
class KnownValue:
    """A published value of a monitoring indicator, and the period it belongs to."""

    value: Decimal
    period: str


class IndicatorSource(Protocol):
    def indicators(self) -> list[CatalogueIndicator]:
        """The active indicators of the catalogue, in its order."""

    def values(self, *, school, codes, on, year) -> dict[str, KnownValue]:
        """{code: the value a monitoring stage of ``year``'s programme, held on the day
        ``on``, takes}, for those of ``codes`` that have one."""


_SOURCE: list[IndicatorSource] = []


def register_source(source: IndicatorSource):
    """Take the indicators and their values from ``source`` (the last registered wins)."""
    _SOURCE[:] = [source]


def catalogue() -> list[CatalogueIndicator]:
    return _SOURCE[0].indicators() if _SOURCE else []


def catalogue_indicator(code) -> CatalogueIndicator | None:
    return next((indicator for indicator in catalogue() if indicator.code == code), None)


def known_values(*, school, measures, on, year) -> dict[int, KnownValue]:
    """{measure id: the monitoring value its indicator has} for the measures that name a
    monitoring indicator with a published value; one read of the source for all of them."""
    codes = {measure.indicator_code for measure in measures if measure.indicator_code}
    if not codes or not _SOURCE:
        return {}
    found = _SOURCE[0].values(school=school, codes=sorted(codes), on=on, year=year)
    return {
        measure.pk: found[measure.indicator_code]
        for measure in measures
        if measure.indicator_code in found
    }
