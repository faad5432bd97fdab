"""The pages whose JavaScript moved to static files still work under the
Content-Security-Policy, and the browser tests notice a violation (see conftest's page)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from reports.models import Report
from tests.conftest import log_in
from tests.events.factories import EventFactory
from tests.monitoring.factories import PeriodFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.browser


def test_report_list_updates_itself_and_shows_the_fields_of_the_chosen_kind(
    page, transactional_db, coordinator
):
    report = ReportFactory(ordered_by=coordinator, title="Отчёт школы")
    log_in(page, coordinator.username)
    page.goto(reverse("reports:report_list"))

    page.get_by_label("Вид отчёта").select_option(label="Муниципальный отчёт о мониторинге")
    assert page.get_by_label("Выводы (для муниципального отчёта)").is_visible()
    assert not page.locator("#div_id_school").is_visible()

    Report.objects.filter(pk=report.pk).update(status=Report.Status.DONE)
    page.get_by_role("link", name="Скачать PDF").wait_for()


def test_period_switch_on_the_indicator_entry_page_opens_the_chosen_period(
    page, transactional_db, school_a, director_a
):
    earlier, later = PeriodFactory(year=2024), PeriodFactory(year=2025)
    log_in(page, director_a.username)
    page.goto(reverse("monitoring:entry", args=[school_a.pk, later.pk]))

    page.get_by_label("Период").select_option(label=earlier.name)

    page.wait_for_url(f"**{reverse('monitoring:entry', args=[school_a.pk, earlier.pk])}")


def test_cancelling_an_event_asks_first(page, transactional_db, methodologist):
    start = timezone.now() + timedelta(days=3)
    event = EventFactory(title="Семинар", starts_at=start, ends_at=start + timedelta(hours=2))
    log_in(page, methodologist.username)
    page.goto(reverse("events:detail", args=[event.pk]))
    cancel = page.get_by_role("button", name="Отменить мероприятие")

    page.once("dialog", lambda dialog: dialog.dismiss())
    cancel.click()
    page.wait_for_load_state()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        cancel.click()
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert questions and "Отменить мероприятие" in questions[0]


def test_an_inline_script_is_refused_and_recorded(page, transactional_db, csp_violations):
    page.goto(reverse("login"))

    ran = page.evaluate(
        """() => {
            window.inlineRan = false;
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true;";
            document.body.append(script);
            return window.inlineRan;
        }"""
    )
    page.wait_for_function("window.__csp.length > 0")
    page.evaluate("window.__csp.length")  # the report reaches the test after a round trip

    assert ran is False
    assert [violation["directive"] for violation in csp_violations] == ["script-src-elem"]
    # Provoked on purpose: the page fixture must not fail the test for it.
    csp_violations.clear()
