"""The indicator import costs the same number of queries for 50 rows or 500."""

import sqlite3

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring.models import IndicatorValue
from monitoring.services.indicator_import import indicator_import_apply, indicator_import_preview
from tests.schools.factories import SchoolFactory
from tests.schools.office_files import office_xlsx

pytestmark = pytest.mark.django_db

LONG = ["Школа", "Показатель", "Период", "Значение"]
CODES = ["olympiad_school_math", "olympiad_school_russian"]


def queries(work) -> int:
    with CaptureQueriesContext(connection) as context:
        work()
    return len(context.captured_queries)


def preview_and_apply(data, by) -> int:
    """The queries of a preview and an import of the file, as the two pages make them."""

    def work():
        plan = indicator_import_preview(data=data, filename="svod.xlsx")
        assert plan.problems == []
        indicator_import_apply(data=data, filename="svod.xlsx", by=by)

    return queries(work)


def office_file(schools, value):
    rows = [[s.short_name, code, "2025/2026", value] for s in schools for code in CODES]
    return office_xlsx(LONG, rows)


@pytest.fixture
def sqlite_limit(monkeypatch):
    """Django splits SQLite's bulk writes by 999 variables, the limit of SQLite before 3.32;
    the SQLite here takes many more, as PostgreSQL does, so each batch is one statement."""
    if connection.vendor == "sqlite":
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        monkeypatch.setattr(connection.features, "max_query_params", limit)


def test_preview_and_import_cost_the_same_for_50_and_500_rows(period, methodologist, sqlite_limit):
    schools = [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in range(275)]
    few, many = schools[:25], schools[25:]

    created = [preview_and_apply(office_file(group, 10), methodologist) for group in (few, many)]
    updated = [preview_and_apply(office_file(group, 11), methodologist) for group in (few, many)]

    assert created[0] == created[1]
    assert updated[0] == updated[1]
    assert IndicatorValue.objects.filter(value=11).count() == 550
    assert IndicatorValue.history.filter(history_type="~").count() == 550
