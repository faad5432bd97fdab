"""Hostile spreadsheets are refused before they are parsed, with a Russian message."""

import functools
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import spreadsheets
from core.spreadsheets import SpreadsheetError, SpreadsheetTooLarge, read_rows
from tests.monitoring.factories import PeriodFactory
from tests.schools.spreadsheets import TEACHER_HEADERS, xlsx_bytes

SHEET = "xl/worksheets/sheet1.xml"
HUGE_SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="A1:XFD1048576"/>'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    "</worksheet>"
)


def rebuilt(data, replace=None, extra=None):
    """The XLSX with some parts replaced (name → text) and an extra part streamed in."""
    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename) or source.read(item))
        if extra:
            name, megabytes = extra
            # Streamed a megabyte at a time, so the test never holds the unpacked part.
            with target.open(name, "w", force_zip64=True) as part:
                chunk = bytes(1024 * 1024)
                for _ in range(megabytes):
                    part.write(chunk)
    return buffer.getvalue()


def good_xlsx():
    return xlsx_bytes(TEACHER_HEADERS, [["Иванова", "Анна"]])


def huge_dimension_xlsx():
    return rebuilt(good_xlsx(), replace={SHEET: HUGE_SHEET})


@functools.cache
def zip_bomb_xlsx():
    return rebuilt(good_xlsx(), extra=("xl/media/zeros.bin", 200))


def wide_csv():
    return (";".join(f"c{n}" for n in range(300)) + "\n").encode()


def test_a_small_file_declaring_the_whole_sheet_is_refused():
    data = huge_dimension_xlsx()
    assert len(data) < 10_000

    with pytest.raises(SpreadsheetTooLarge, match="В файле больше 20\u00a0000 строк"):
        read_rows(data, "svod.xlsx")


def test_a_zip_bomb_is_refused_by_its_unpacked_size():
    data = zip_bomb_xlsx()
    assert len(data) < 1024 * 1024

    with pytest.raises(SpreadsheetTooLarge, match="в распакованном виде больше 50 МБ"):
        read_rows(data, "svod.xlsx")


def test_a_part_compressed_past_the_ratio_is_refused():
    data = rebuilt(good_xlsx(), extra=("xl/media/zeros.bin", 5))

    with pytest.raises(SpreadsheetTooLarge, match="сжата сильнее чем в 100 раз"):
        read_rows(data, "svod.xlsx")


def test_too_many_parts_are_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_MEMBERS", 3)

    with pytest.raises(SpreadsheetTooLarge, match="слишком много частей"):
        read_rows(good_xlsx(), "svod.xlsx")


def test_rows_past_the_limit_are_refused_while_reading(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    data = xlsx_bytes(["a"], [[n] for n in range(2)])
    assert len(read_rows(data, "ok.xlsx")) == 3

    with pytest.raises(SpreadsheetTooLarge, match="больше 3 строк"):
        read_rows(xlsx_bytes(["a"], [[n] for n in range(3)]), "svod.xlsx")


def test_a_cell_far_right_without_a_dimension_is_not_built():
    sheet = HUGE_SHEET.replace('<dimension ref="A1:XFD1048576"/>', "").replace(
        '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
        '<c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1"><v>1</v></c>',
    )

    # Rows are cut one past the column limit, so 16,384 empty cells are never made.
    assert read_rows(rebuilt(good_xlsx(), replace={SHEET: sheet}), "svod.xlsx") == [["x"]]


def test_a_csv_with_too_many_columns_is_refused():
    with pytest.raises(SpreadsheetTooLarge, match="больше 200 столбцов"):
        read_rows(wide_csv(), "svod.csv")


def test_a_csv_with_too_many_rows_is_refused():
    data = ("a\n" * (spreadsheets.MAX_ROWS + 1)).encode()

    with pytest.raises(SpreadsheetTooLarge, match="больше 20\u00a0000 строк"):
        read_rows(data, "svod.csv")


def test_a_csv_over_the_byte_limit_is_refused():
    data = b"a" * (spreadsheets.MAX_CSV_BYTES + 1)

    with pytest.raises(SpreadsheetTooLarge, match="CSV-файл больше 10 МБ"):
        read_rows(data, "svod.csv")


def test_xml_entities_stay_refused():
    sheet = (
        HUGE_SHEET.replace(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>',
        )
        .replace('<dimension ref="A1:XFD1048576"/>', "")
        .replace("<t>x</t>", "<t>&b;</t>")
    )

    with pytest.raises(SpreadsheetError, match="не читается"):
        read_rows(rebuilt(good_xlsx(), replace={SHEET: sheet}), "svod.xlsx")


def test_an_ordinary_file_still_reads():
    assert read_rows(good_xlsx(), "ok.xlsx")[1][:2] == ["Иванова", "Анна"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (huge_dimension_xlsx, "teachers.xlsx", "В файле больше 20\u00a0000 строк"),
        (zip_bomb_xlsx, "teachers.xlsx", "в распакованном виде больше 50 МБ"),
        (wide_csv, "teachers.csv", "больше 200 столбцов"),
    ],
)
def test_teacher_import_shows_the_refusal(login, methodologist, data, name, message):
    response = login(methodologist).post(
        reverse("schools:import", args=["teachers"]),
        {"file": SimpleUploadedFile(name, data())},
    )

    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (huge_dimension_xlsx, "svod.xlsx", "В файле больше 20\u00a0000 строк"),
        (zip_bomb_xlsx, "svod.xlsx", "в распакованном виде больше 50 МБ"),
        (wide_csv, "svod.csv", "больше 200 столбцов"),
    ],
)
def test_indicator_import_shows_the_refusal(login, methodologist, data, name, message):
    period = PeriodFactory(year=2025)
    response = login(methodologist).post(
        reverse("monitoring:import"),
        {"file": SimpleUploadedFile(name, data()), "period": period.pk},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
