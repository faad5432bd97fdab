"""Indicator files as offices keep them: a title above the header, headers written their
own way, numbers as text, empty and repeated rows; every problem with Excel's row number."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook

from accounts.models import ImportRecord
from monitoring.models import Indicator, IndicatorValue
from monitoring.services.indicator_import import (
    IndicatorImportError,
    indicator_import_apply,
    indicator_import_preview,
)
from tests.monitoring.factories import ValueFactory
from tests.schools.factories import SchoolFactory
from tests.schools.office_files import office_csv, office_xlsx

pytestmark = pytest.mark.django_db

LONG = ["Школа", "показатель ", "ПЕРИОД", "Значение"]
# «призеров» with «е», a double space, varied case, a share's numerator beside its column.
WINNERS = (
    "Количество учащихся 8–11 классов – победителей и призеров  муниципального этапа "
    "ВсОШ по математике"
)
GIA = "доля учащихся, успешно сдавших государственную итоговую аттестацию"
WIDE = ["№ п/п", " школа ", "OLYMPIAD_SCHOOL_MATH ", WINNERS, GIA]


@pytest.fixture
def schools(db):
    return {n: SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in (7, 8)}


def stored(school, code, period):
    return IndicatorValue.objects.get(school=school, indicator__code=code, period=period)


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


def test_an_office_wide_file_imports_text_numbers_and_shares(schools, period, methodologist):
    rows = [
        ["1", "МАОУ СОШ № 7", "12", "2", "48/55"],
        ["2", "маоу  сош № 8", 30.0, None, "92,5"],
    ]
    data = office_xlsx(WIDE, rows, blank_after=(0,), sheet="Свод")

    plan = indicator_import_preview(data=data, filename="svod.xlsx", period=period)

    assert plan.problems == [] and plan.table.header_row == 3 and plan.form == "wide"
    result = indicator_import_apply(
        data=data, filename="svod.xlsx", period=period, by=methodologist
    )
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    assert stored(schools[7], "olympiad_school_math", period).value == 12
    assert stored(schools[7], "olympiad_winners_math", period).value == 2
    gia = stored(schools[7], "gia_passed_share", period)
    assert (gia.value, gia.numerator, gia.denominator) == (Decimal("87.27"), 48, 55)
    assert stored(schools[8], "gia_passed_share", period).value == Decimal("92.50")


def test_every_problem_of_a_wide_file_at_once_with_excel_rows(schools, period, methodologist):
    rows = [
        ["1", "МАОУ СОШ № 7", "много", "", "51/50"],
        ["2", "", 5, None, None],
        ["3", "Школа на Луне", 5, None, None],
        ["4", "МАОУ СОШ № 8", 5, None, None],
        ["5", "МАОУ СОШ № 8", 6, None, None],
    ]
    data = office_xlsx(WIDE, rows, blank_after=(0,))

    problems = indicator_import_preview(data=data, filename="svod.xlsx", period=period).problems

    repeated = "Школа указана в файле больше одного раза за период: строки 8, 9."
    assert [(p.row, p.column, p.value, p.message) for p in problems] == [
        (4, "OLYMPIAD_SCHOOL_MATH", "много", "Ожидалось число, а указано «много»."),
        (4, GIA, "51/50", "Числитель (51) не может превышать знаменатель (50)."),
        (6, "школа", "", "Обязательное значение не заполнено."),
        (7, "школа", "Школа на Луне", "Неизвестная школа «Школа на Луне»."),
        (8, "школа", "МАОУ СОШ № 8", repeated),
        (9, "школа", "МАОУ СОШ № 8", repeated),
    ]
    with pytest.raises(IndicatorImportError):
        indicator_import_apply(data=data, filename="svod.xlsx", period=period, by=methodologist)
    assert not IndicatorValue.objects.exists()
    assert ImportRecord.objects.get().errors == 6


def test_a_repeated_long_row_is_flagged_with_both_rows(schools, period):
    rows = [
        ["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "12"],
        ["МАОУ СОШ № 8", "olympiad_school_math", "2025/2026", "3"],
        ["маоу сош № 7", "OLYMPIAD_SCHOOL_MATH", "2025/2026", "13"],
    ]

    problems = indicator_import_preview(data=office_xlsx(LONG, rows), filename="a.xlsx").problems

    message = (
        "Одна и та же школа, показатель и период указаны в файле больше одного раза: строки 4, 6."
    )
    assert [(p.row, p.column, p.value, p.message) for p in problems] == [
        (4, "Школа", "МАОУ СОШ № 7", message),
        (6, "Школа", "маоу сош № 7", message),
    ]


def test_a_cp1251_csv_with_a_title_and_semicolons(schools, period, methodologist):
    headers = ["Школа", "Показатель", "Период", "Значение", "Числитель", "Знаменатель"]
    rows = [
        ["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "12", "", ""],
        ["МАОУ СОШ № 7", "contests_share", "2025/2026", "", "30", "120"],
        ["МАОУ СОШ № 8", "contests_share", "", "12,5", "", ""],  # the period chosen on upload
    ]
    data = office_csv(headers, rows)
    assert data.decode("cp1251") and b";" in data

    result = indicator_import_apply(data=data, filename="svod.csv", period=period, by=methodologist)

    assert result.created == 3
    assert stored(schools[7], "contests_share", period).value == Decimal("25.00")
    assert stored(schools[8], "contests_share", period).value == Decimal("12.50")


def test_a_bad_csv_names_excel_rows_below_its_title(schools, period):
    rows = [["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "-3"]]

    problems = indicator_import_preview(
        data=office_csv(LONG, rows), filename="svod.csv", period=period
    ).problems

    assert [(p.row, p.column, p.value, p.message) for p in problems] == [
        (3, "Значение", "-3", "Значение не может быть отрицательным."),
    ]


def test_preview_names_new_changed_and_unchanged_and_what_changes(schools, period, methodologist):
    ValueFactory(
        school=schools[7],
        period=period,
        code="olympiad_school_math",
        value=10,
    )
    ValueFactory(
        school=schools[8],
        period=period,
        code="olympiad_school_math",
        value=20,
    )
    rows = [
        ["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "12"],
        ["МАОУ СОШ № 8", "olympiad_school_math", "2025/2026", "20"],
        ["МАОУ СОШ № 8", "olympiad_school_russian", "2025/2026", "4"],
    ]
    data = office_xlsx(LONG, rows)

    plan = indicator_import_preview(data=data, filename="a.xlsx")

    counts = plan.counts
    assert (counts.created, counts.updated, counts.unchanged) == (1, 1, 1)
    [change] = plan.changes
    assert change.row == 4 and change.title.startswith("МАОУ СОШ № 7: ")
    assert change.fields == [("Значение", "10", "12")]
    result = indicator_import_apply(data=data, filename="a.xlsx", by=methodologist)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)


def test_a_value_entered_by_the_school_changes_its_source(schools, period):
    ValueFactory(
        school=schools[7],
        period=period,
        code="olympiad_school_math",
        value=10,
        source=Indicator.Source.ENTERED,
    )
    rows = [["МАОУ СОШ № 7", "olympiad_school_math", "2025/2026", "10"]]

    plan = indicator_import_preview(data=office_xlsx(LONG, rows), filename="a.xlsx")

    assert plan.changes[0].fields == [
        ("Источник", "Вводит школа", "Импортирует центр"),
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


def test_a_share_typed_in_percent_cells_imports_as_excel_shows_it(schools, period, methodologist):
    book = Workbook()
    sheet = book.active
    sheet.append(["Школа", GIA])
    sheet.append(["МАОУ СОШ № 7", 0.48])
    sheet.append(["МАОУ СОШ № 8", 0.125])
    sheet["B2"].number_format = "0%"  # Excel shows 48 %
    sheet["B3"].number_format = "0.0%"  # and 12,5 %
    buffer = BytesIO()
    book.save(buffer)

    result = indicator_import_apply(
        data=buffer.getvalue(), filename="доли.xlsx", period=period, by=methodologist
    )

    assert result.created == 2
    assert stored(schools[7], "gia_passed_share", period).value == Decimal("48.00")
    assert stored(schools[8], "gia_passed_share", period).value == Decimal("12.50")
