"""A methodologist imports a big file of indicator values: a worker's job, whose page
shows the progress bar half-way while the values wait to be written, then at 100 % with
the result, in Chromium."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse

from monitoring.models import IndicatorValue, Period
from tests.conftest import log_in, wait_for
from tests.monitoring.factories import WIDE_ROW, PeriodFactory
from tests.schools.factories import SchoolFactory
from tests.schools.spreadsheets import xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.worker]

SCHOOLS = 60
VALUES = SCHOOLS * len(WIDE_ROW)  # 480, more than IMPORT_BACKGROUND_ROWS


class PeriodHeld:
    """The period's row locked in a connection of its own, as an editor saving it would.

    The import checks the whole file, then takes the period's lock before it writes:
    held here, the worker stops at half its progress with nothing written.
    """

    def __init__(self, period):
        self.period = period
        self.side = connections.create_connection(DEFAULT_DB_ALIAS)

    def __enter__(self):
        self.side.set_autocommit(False)
        with self.side.cursor() as cursor:
            table = self.side.ops.quote_name(Period._meta.db_table)
            cursor.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", [self.period.pk])
        return self

    def release(self):
        if self.side.connection is not None:
            self.side.rollback()
        self.side.close()

    def __exit__(self, *exc):
        self.release()


def values_file(tmp_path, schools):
    path = tmp_path / "свод-показателей.xlsx"
    rows = [[school.short_name, *WIDE_ROW.values()] for school in schools]
    path.write_bytes(xlsx_bytes(["Школа", *WIDE_ROW], rows))
    return path


def test_methodologist_sees_a_big_import_go_half_way_then_finish(
    page, celery_workers, methodologist, settings, tmp_path
):
    settings.IMPORT_BACKGROUND_ROWS = 100
    celery_workers()
    period = PeriodFactory(year=2025)
    schools = [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in range(1, SCHOOLS + 1)]

    log_in(page, methodologist.username)
    page.goto(reverse("monitoring:import"))
    upload = page.get_by_label("Файл (XLSX, XLS, ODS или CSV)")
    upload.set_input_files(values_file(tmp_path, schools))
    page.get_by_label("Период").select_option(label=period.name)
    page.get_by_role("button", name="Проверить файл").click()
    page.get_by_text(f"Файл без ошибок: {VALUES} новых, 0 изменится, 0 без изменений.").wait_for()

    with PeriodHeld(period) as held:
        page.get_by_role("button", name="Импортировать").click()
        page.get_by_role("heading", name="Импорт файла: свод-показателей.xlsx").wait_for()
        bar = page.get_by_role("progressbar", name="Ход импорта")
        # Every row checked, none written: the bar stops at half way while the lock holds.
        wait_for(lambda: bar.get_attribute("aria-valuenow") == "50", timeout=60)
        assert page.locator(".js-job-state").inner_text() == "Идёт импорт"
        assert page.locator(".js-job-percent").inner_text() == "50"
        assert IndicatorValue.objects.count() == 0
        held.release()

        page.get_by_text(
            f"Импортировано: новых — {VALUES}, изменено — 0, без изменений — 0."
        ).wait_for(timeout=60_000)
    assert bar.get_attribute("aria-valuenow") == "100"
    assert page.locator(".js-job-state").inner_text() == "Импортирован"
    assert page.get_by_role("link", name="Вернуться к странице импорта").get_attribute(
        "href"
    ) == reverse("monitoring:import")
    assert IndicatorValue.objects.filter(period=period).count() == VALUES
    written = IndicatorValue.objects.get(
        school=schools[-1], period=period, indicator__code="olympiad_winners_math"
    )
    assert (written.value, written.entered_by) == (2, methodologist)
    assert IndicatorValue.history.filter(history_type="+").count() == VALUES
