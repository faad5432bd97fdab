"""Import in the wide and long forms, with a preview that names every bad cell; export."""

from decimal import Decimal

import pytest

from monitoring.models import Indicator, IndicatorValue
from monitoring.services.indicator_import import (
    IndicatorImportError,
    indicator_export,
    indicator_import_apply,
    indicator_import_preview,
)
from monitoring.services.indicators import IndicatorError, period_lock
from tests.monitoring.factories import ValueFactory
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import csv_bytes, read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db

WIDE = ["Школа", "gia_passed_share", "olympiad_school_math", "olympiad_municipal_math"]
LONG = ["Школа", "Показатель", "Период", "Значение", "Числитель", "Знаменатель"]


@pytest.fixture
def schools(db):
    return [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in (7, 8)]


def value(school, code, period):
    return IndicatorValue.objects.get(school=school, indicator__code=code, period=period)


def test_good_wide_file_imports_every_cell(schools, period, methodologist):
    data = xlsx_bytes(WIDE, [["МАОУ СОШ № 7", "45/50", 30, 10], ["маоу сош № 8", 92.5, 20, 5]])
    result = indicator_import_apply(
        data=data, filename="svod.xlsx", period=period, by=methodologist
    )
    assert (result.created, result.updated, result.unchanged) == (6, 0, 0)
    gia = value(schools[0], "gia_passed_share", period)
    assert (gia.value, gia.numerator, gia.denominator) == (Decimal("90.00"), 45, 50)
    assert gia.source == Indicator.Source.IMPORTED and gia.entered_by == methodologist
    assert value(schools[1], "gia_passed_share", period).value == Decimal("92.50")


def test_second_import_counts_updated_and_unchanged(schools, period, methodologist):
    rows = [["МАОУ СОШ № 7", 90, 30, 10], ["МАОУ СОШ № 8", 80, 20, 5]]
    indicator_import_apply(
        data=xlsx_bytes(WIDE, rows), filename="a.xlsx", period=period, by=methodologist
    )
    rows[1][2] = 21
    result = indicator_import_apply(
        data=xlsx_bytes(WIDE, rows), filename="a.xlsx", period=period, by=methodologist
    )
    assert (result.created, result.updated, result.unchanged) == (0, 1, 5)
    assert value(schools[1], "olympiad_school_math", period).history.count() == 2


def test_good_long_file_with_periods_in_rows(schools, period, last_period, methodologist):
    data = xlsx_bytes(
        LONG,
        [
            ["МАОУ СОШ № 7", "olympiad_school_russian", "2024/2025", 12, None, None],
            ["МАОУ СОШ № 7", "olympiad_school_russian", "2025/2026", 15, None, None],
            ["МАОУ СОШ № 8", "contests_share", "2025/2026", None, 30, 120],
        ],
    )
    plan = indicator_import_preview(data=data, filename="long.xlsx")
    assert plan.form == "long" and not plan.problems and plan.counts.created == 3
    indicator_import_apply(data=data, filename="long.xlsx", by=methodologist)
    assert value(schools[0], "olympiad_school_russian", last_period).value == 12
    assert value(schools[1], "contests_share", period).value == Decimal("25.00")


def test_bad_cell_rolls_back_the_whole_file_and_names_row_and_column(
    schools, period, methodologist
):
    data = xlsx_bytes(WIDE, [["МАОУ СОШ № 7", 90, 30, 10], ["МАОУ СОШ № 8", 80, "много", 5]])
    plan = indicator_import_preview(data=data, filename="svod.xlsx", period=period)
    assert [(p.row, p.column, p.value, p.message) for p in plan.problems] == [
        (3, "olympiad_school_math", "много", "Ожидалось число, а указано «много»."),
    ]
    with pytest.raises(IndicatorImportError):
        indicator_import_apply(data=data, filename="svod.xlsx", period=period, by=methodologist)
    assert not IndicatorValue.objects.exists()


def test_every_bad_cell_is_listed(schools, period):
    data = xlsx_bytes(
        WIDE,
        [
            ["МАОУ СОШ № 7", "51/50", -1, None],
            ["МАОУ СОШ № 99", 90, 1, 1],
            ["МАОУ СОШ № 8", 101, 10, 11],
        ],
    )
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    where = {(p.row, p.column): p.message for p in problems}
    assert "не может превышать знаменатель" in where[(2, "gia_passed_share")]
    assert "отрицательным" in where[(2, "olympiad_school_math")]
    assert where[(3, "Школа")] == "Неизвестная школа «МАОУ СОШ № 99»."
    assert "больше 100" in where[(4, "gia_passed_share")]


def test_cross_rules_in_the_file(schools, period):
    data = xlsx_bytes(WIDE, [["МАОУ СОШ № 7", 90, 10, 11]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "olympiad_municipal_math", "11")]
    assert "школьном этапе" in problems[0].message


def test_winners_above_stored_participants_are_refused(schools, period):
    ValueFactory(school=schools[0], period=period, code="olympiad_municipal_math", value=2)
    data = xlsx_bytes(["Школа", "olympiad_winners_math"], [["МАОУ СОШ № 7", 3]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    assert "муниципальном этапе" in problems[0].message


def test_unknown_indicator_code_and_computed_indicator(schools, period):
    data = xlsx_bytes(["Школа", "gia_share", "network_leaders"], [["МАОУ СОШ № 7", 1, 2]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    assert [(p.row, p.column) for p in problems] == [(1, "gia_share"), (1, "network_leaders")]
    assert problems[0].message == "Неизвестный код показателя «gia_share»."
    assert "рассчитывается порталом" in problems[1].message


def test_unknown_school_and_code_in_long_form(schools, period):
    data = xlsx_bytes(
        LONG,
        [
            ["Школа-призрак", "contests_share", "2025/2026", 5, None, None],
            ["МАОУ СОШ № 7", "нет_такого", "2025/2026", 5, None, None],
            ["МАОУ СОШ № 7", "contests_share", "1999/2000", 5, None, None],
        ],
    )
    problems = indicator_import_preview(data=data, filename="a.xlsx").problems
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "Школа", "Школа-призрак"),
        (3, "Показатель", "нет_такого"),
        (4, "Период", "1999/2000"),
    ]


def test_cp1251_csv_with_semicolons(schools, period, methodologist):
    data = csv_bytes(["Школа", "olympiad_school_math"], [["МАОУ СОШ № 7", "12"]])
    assert data.decode("cp1251")  # really Windows-1251
    indicator_import_apply(data=data, filename="svod.csv", period=period, by=methodologist)
    assert value(schools[0], "olympiad_school_math", period).value == 12


def test_locked_period_refuses_the_import(schools, period, methodologist):
    period_lock(period=period, by=methodologist)
    data = xlsx_bytes(WIDE[:2], [["МАОУ СОШ № 7", 90]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    assert "заблокирован" in problems[0].message


def test_wide_file_needs_a_period(schools):
    with pytest.raises(IndicatorError, match="Выберите период"):
        indicator_import_preview(data=xlsx_bytes(WIDE, []), filename="a.xlsx")


def test_duplicate_rows_are_reported_with_both_rows(schools, period):
    data = xlsx_bytes(WIDE[:2], [["МАОУ СОШ № 7", 90], ["МАОУ СОШ № 7", 91]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    message = "Школа указана в файле больше одного раза за период: строки 2, 3."
    assert [(p.row, p.column, p.message) for p in problems] == [
        (2, "Школа", message),
        (3, "Школа", message),
    ]


def test_export_wide_round_trips(schools, period, methodologist):
    data = xlsx_bytes(WIDE, [["МАОУ СОШ № 7", "45/50", 30, 10]])
    indicator_import_apply(data=data, filename="a.xlsx", period=period, by=methodologist)
    exported = indicator_export(period=period)
    rows = read_xlsx(exported)
    gia = Indicator.objects.get(code="gia_passed_share").name
    assert rows[0][:4] == ["Школа", gia, f"{gia}: числитель", f"{gia}: знаменатель"]
    assert rows[1][1:4] == [90, 45, 50]  # the share as a number, its parts beside it
    result = indicator_import_apply(
        data=exported, filename="b.xlsx", period=period, by=methodologist
    )
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)


def test_export_long_escapes_formulas(period):
    school = SchoolFactory(short_name="=HYPERLINK(1)")
    ValueFactory(school=school, period=period)
    rows = read_xlsx(indicator_export(form="long"))
    assert rows[0] == LONG
    assert rows[1][0] == "'=HYPERLINK(1)"
    text = indicator_export(form="long", file_format="csv").decode("utf-8")
    assert "'=HYPERLINK(1)" in text


def test_an_unknown_share_part_column_is_named_as_written(schools, period):
    data = xlsx_bytes(["Школа", "Доля чего-то: числитель"], [["МАОУ СОШ № 7", 1]])
    problems = indicator_import_preview(data=data, filename="a.xlsx", period=period).problems
    assert [(p.row, p.column, p.value, p.message) for p in problems] == [
        (
            1,
            "Доля чего-то: числитель",
            "Доля чего-то: числитель",
            "Неизвестный код показателя «Доля чего-то».",
        ),
    ]
