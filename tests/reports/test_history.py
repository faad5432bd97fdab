"""A report's life is in its history: ordered, started, done or failed, ordered again."""

import pytest
from django.urls import reverse

from reports.models import Report
from reports.services import report_fail, report_order, report_render, report_retry

pytestmark = pytest.mark.django_db


def states(report):
    return [
        (record.history_type, record.status, record.attempts)
        for record in report.history.order_by("history_date", "history_id")
    ]


def test_every_change_of_state_is_one_history_entry(
    school_a, director_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = report_order(kind="school", params={"school": school_a.pk}, by=director_a)
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert states(report) == [("+", "queued", 0), ("~", "running", 1), ("~", "done", 1)]
    assert report.history.earliest("history_date").history_user == director_a


def test_a_failure_and_an_order_again_are_recorded(
    school_a, director_a, django_capture_on_commit_callbacks
):
    report = Report.objects.create(
        kind="school",
        params={"school": school_a.pk},
        params_key=Report.key_for({"school": school_a.pk}),
        title="Отчёт",
        ordered_by=director_a,
    )
    report_fail(report=report, reason="Нет данных")
    with django_capture_on_commit_callbacks(execute=True):
        report_retry(report=report)
    assert states(report) == [
        ("+", "queued", 0),
        ("~", "failed", 0),
        ("~", "queued", 0),
        ("~", "running", 1),
        ("~", "done", 1),
    ]


def test_the_heartbeat_writes_no_history(school_a):
    report = Report.objects.create(
        kind="school", params={"school": school_a.pk}, params_key="k", title="Отчёт"
    )
    report_render(report_id=report.pk)
    Report.objects.filter(pk=report.pk).update(heartbeat_at=report.finished_at)
    assert report.history.count() == 3


def test_the_admin_shows_the_history_in_russian(admin_client, school_a):
    report = Report.objects.create(
        kind="school", params={"school": school_a.pk}, params_key="k", title="Отчёт"
    )
    report_fail(report=report, reason="Нет данных")
    page = admin_client.get(reverse("admin:reports_report_history", args=[report.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Ошибка" in text and "Нет данных" in text
