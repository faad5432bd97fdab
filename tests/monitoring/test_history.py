"""Periods, targets and indicator values keep readable history; each import is recorded once."""

import pytest
from django.urls import reverse

from accounts.models import ImportRecord
from monitoring.models import Indicator, IndicatorValue, Period, Target
from monitoring.services.indicator_import import IndicatorImportError, indicator_import_apply
from monitoring.services.indicators import period_lock, period_unlock, target_set
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db

WIDE = ["Школа", "gia_passed_share", "olympiad_school_math"]


def _types(history):
    return [r.history_type for r in history.order_by("history_date", "history_id")]


@pytest.fixture
def school(db):
    return SchoolFactory(short_name="МАОУ СОШ № 7")


def _import(period, by, rows, name="svod.xlsx"):
    return indicator_import_apply(data=xlsx_bytes(WIDE, rows), filename=name, period=period, by=by)


def test_period_locked_and_unlocked_has_three_records(period, methodologist):
    period_lock(period=period, by=methodologist)
    period_unlock(period=period, by=methodologist)

    history = Period.history.filter(id=period.pk).order_by("history_date", "history_id")
    assert _types(history) == ["+", "~", "~"]
    assert [r.state for r in history] == ["open", "locked", "open"]
    assert [r.history_user for r in history][1:] == [methodologist, methodologist]


def test_target_set_then_changed_has_two_records(period, school, methodologist):
    gia = Indicator.objects.get(code="gia_passed_share")

    target = target_set(indicator=gia, period=period, school=school, value=80, by=methodologist)
    target_set(indicator=gia, period=period, school=school, value="85,5", by=methodologist)

    history = Target.history.filter(id=target.pk)
    assert _types(history) == ["+", "~"]
    assert {r.history_user for r in history} == {methodologist}


def test_each_indicator_file_is_recorded_once_with_its_counts(period, school, methodologist):
    _import(period, methodologist, [["МАОУ СОШ № 7", 90, 3]], name="first.xlsx")
    _import(period, methodologist, [["МАОУ СОШ № 7", 90, 5]], name="second.xlsx")

    records = ImportRecord.objects.order_by("imported_at", "pk")
    assert [
        (r.kind, r.file_name, r.created, r.updated, r.skipped, r.errors, r.imported_by)
        for r in records
    ] == [
        ("indicator_values", "first.xlsx", 2, 0, 0, 0, methodologist),
        ("indicator_values", "second.xlsx", 0, 1, 1, 0, methodologist),
    ]


def test_refused_indicator_file_is_recorded_with_its_errors(period, school, methodologist):
    with pytest.raises(IndicatorImportError):
        _import(period, methodologist, [["МАОУ СОШ № 7", "много", "мало"]], name="bad.xlsx")

    record = ImportRecord.objects.get()
    assert (record.file_name, record.created, record.errors) == ("bad.xlsx", 0, 2)
    assert not IndicatorValue.objects.exists()


def test_value_history_shows_the_indicator_name_and_whole_counts(
    login, period, school, methodologist
):
    _import(period, methodologist, [["МАОУ СОШ № 7", 90, 3]])
    _import(period, methodologist, [["МАОУ СОШ № 7", "91,5", 5]])
    count = IndicatorValue.objects.get(indicator__code="olympiad_school_math")
    share = IndicatorValue.objects.get(indicator__code="gia_passed_share")
    client = login(methodologist)

    count_page = client.get(reverse("admin:monitoring_indicatorvalue_history", args=[count.pk]))
    share_page = client.get(reverse("admin:monitoring_indicatorvalue_history", args=[share.pk]))

    html = count_page.content.decode()
    assert count_page.status_code == 200
    assert count.indicator.name in html
    assert "olympiad_school_math" not in html
    assert "Значение:</strong> 3 → 5" in html
    assert "3,00" not in html
    assert "Значение:</strong> 90 → 91,5" in share_page.content.decode()


def test_import_page_lists_the_recent_imports(login, period, school, methodologist):
    _import(period, methodologist, [["МАОУ СОШ № 7", 90, 3]], name="svod-2025.xlsx")

    page = login(methodologist).get(reverse("monitoring:import")).content.decode()

    assert "Последние импорты" in page
    assert "svod-2025.xlsx" in page


def test_entry_page_history_names_the_indicator_and_shows_whole_counts(
    login, period, school, methodologist
):
    _import(period, methodologist, [["МАОУ СОШ № 7", "91,5", 3]])
    count = Indicator.objects.get(code="olympiad_school_math")

    page = login(methodologist).get(reverse("monitoring:entry", args=[school.pk, period.pk]))

    html = page.content.decode()
    history = html[html.index("История изменений") :]
    assert count.name in history
    assert "olympiad_school_math" not in history
    assert '<td class="text-end">3</td>' in history
    assert '<td class="text-end">91,5</td>' in history
    assert "3,00" not in history
