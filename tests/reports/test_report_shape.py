"""The municipal report keeps its shape at any region size: the per-school detail goes to
the annex, so a region of hundreds of schools prints as few pages as one of twenty."""

import datetime
import io
import random
from decimal import Decimal

import openpyxl
import time_machine

from monitoring.models import Indicator, IndicatorValue
from reports.kinds import KINDS
from schools.models import CategoryRecord, School
from tests.monitoring.factories import PeriodFactory, TargetFactory
from tests.pdf import pdf_pages, pdf_text

SCHOOLS = 300
PAGE_BOUND = 30  # the shape of the report, whatever the number of schools


def region(count):
    """``count`` schools with every active indicator for two years, in bulk."""
    rng = random.Random(count)
    before, period = PeriodFactory(year=2024), PeriodFactory(year=2025)
    categories = list(School.Category.values)
    schools = School.objects.bulk_create(
        School(
            short_name=f"Школа № {n:04}",
            full_name=f"Муниципальная школа № {n}",
            settlement="Тобольск",
            category=categories[n % len(categories)],
        )
        for n in range(count)
    )
    CategoryRecord.objects.bulk_create(
        CategoryRecord(school=s, year=2025, category=s.category) for s in schools
    )
    indicators = list(Indicator.objects.filter(is_active=True))
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator,
            school=school,
            period=p,
            value=Decimal(rng.randint(100, 9900)) / 100,
            source=Indicator.Source.IMPORTED,
        )
        for p in (before, period)
        for school in schools
        for indicator in indicators
    )
    TargetFactory(code="gia_passed_share", period=period, value=Decimal("90"))
    return period, schools


def test_municipal_report_of_a_large_region_stays_short_with_every_school_in_the_annex(db):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        period, schools = region(SCHOOLS)

        files = KINDS["municipal"].render_files({"period": period.pk})

    assert pdf_pages(files.pdf) <= PAGE_BOUND
    text = " ".join(pdf_text(files.pdf).split())
    assert f"Школы {SCHOOLS}" in text
    assert "Лучшие и отстающие школы по показателям" in text
    sheet = openpyxl.load_workbook(io.BytesIO(files.annex)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(row[0] for row in rows) == sorted(s.short_name for s in schools)
    assert all(value is not None for row in rows for value in row[4:])
