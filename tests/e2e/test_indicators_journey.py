"""A director enters and submits indicators, a methodologist approves them, and a
coordinator sees them on the municipal dashboard chart, in Chromium."""

import pytest

from core.dates import current_academic_year
from monitoring.catalogue import BY_CODE
from monitoring.models import IndicatorSubmission, IndicatorValue
from tests.conftest import log_in, open_menu, switch_user
from tests.monitoring.factories import PeriodFactory

pytestmark = pytest.mark.browser

COUNTS = {
    "olympiad_school_russian": "30",
    "olympiad_school_math": "25",
    "olympiad_municipal_russian": "8",
    "olympiad_municipal_math": "6",
    "olympiad_winners_russian": "2",
    "olympiad_winners_math": "1",
}


def test_director_submits_methodologist_approves_coordinator_sees_chart(
    page, transactional_db, school_a, director_a, methodologist, coordinator
):
    period = PeriodFactory(year=current_academic_year())

    log_in(page, director_a.username)
    open_menu(page, "Мониторинг", "Ввести показатели школы")
    page.get_by_role("heading", name=f"Показатели: {school_a.short_name}").wait_for()
    page.get_by_label("сдали успешно").fill("45")
    page.get_by_label("допущено к ГИА").fill("50")
    page.get_by_label("участников", exact=True).fill("30")
    page.get_by_label("учащихся 8–11 классов", exact=True).fill("120")
    for code, value in COUNTS.items():
        page.get_by_label(BY_CODE[code].name, exact=True).fill(value)
    page.get_by_role("button", name="Сохранить и отправить в центр").click()
    page.get_by_text("Данные отправлены в центр.").wait_for()
    submission = IndicatorSubmission.objects.get(school=school_a, period=period)
    assert submission.state == IndicatorSubmission.State.SUBMITTED

    switch_user(page, methodologist.username)
    open_menu(page, "Мониторинг", "Данные школ")
    page.get_by_role("link", name=str(school_a)).click()
    page.get_by_role("button", name="Утвердить").click()
    page.get_by_text("Данные утверждены.").wait_for()

    switch_user(page, coordinator.username)
    open_menu(page, "Мониторинг", "Муниципальная панель показателей")
    page.get_by_role("heading", name="Муниципальная панель показателей").wait_for()
    chart = page.locator("svg[role=img]").first
    assert "по категориям школ" in chart.locator("title").text_content()
    assert "90" in chart.text_content()  # the low-result schools' average: 45 of 50
    assert page.get_by_role("table").first.get_by_text("1 школа").is_visible()
    assert page.get_by_role("link", name=str(school_a)).first.is_visible()
    assert (
        IndicatorValue.objects.get(
            school=school_a, period=period, indicator__code="gia_passed_share"
        ).value
        == 90
    )
