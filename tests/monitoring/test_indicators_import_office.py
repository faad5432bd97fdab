"""Indicator files as offices keep them: a title above the header, Excel's row numbers."""

import pytest

from monitoring.models import IndicatorValue
from monitoring.services.indicator_import import indicator_import_apply, indicator_import_preview
from tests.schools.factories import SchoolFactory
from tests.schools.office_files import office_xlsx

pytestmark = pytest.mark.django_db

LONG = ["Школа", "показатель ", "ПЕРИОД", "Значение"]


def test_a_long_file_below_a_title_names_excel_rows(period):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    rows = [
        ["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "12"],
        ["Школа на Луне", "olympiad_school_math", "2025/2026", "3"],
    ]

    plan = indicator_import_preview(
        data=office_xlsx(LONG, rows, title="Свод показателей"), filename="svod.xlsx"
    )

    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (5, "Школа", "Неизвестная школа «Школа на Луне»."),
    ]


def test_5000_values_import_with_a_bounded_number_of_queries(
    period, methodologist, django_assert_max_num_queries
):
    schools = [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in range(1250)]
    codes = ["olympiad_school_math", "olympiad_school_russian"]
    codes += ["olympiad_municipal_math", "olympiad_municipal_russian"]
    rows = [[s.short_name, code, "2025/2026", 10] for s in schools for code in codes]
    data = office_xlsx(LONG, rows)

    # SQLite splits a bulk insert by its limit of variables; per-row writes would be 10,000+.
    with django_assert_max_num_queries(200):
        result = indicator_import_apply(data=data, filename="svod.xlsx", by=methodologist)

    assert result.created == 5000
    assert IndicatorValue.history.count() == 5000
