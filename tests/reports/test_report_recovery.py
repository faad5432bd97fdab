"""Reports are never stuck: stalled ones start again, failed ones may be ordered again."""

import threading
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutboxItem
from reports.models import Report
from reports.services import (
    RENDER,
    ReportError,
    heartbeat,
    report_order,
    report_retry,
    reports_requeue_stalled,
)
from tests.conftest import ROLES, wait_for
from tests.reports.factories import ReportFactory

LONG_AGO = timedelta(hours=1)


@pytest.fixture
def stalled(school_a, director_a):
    """School A's report whose worker died an hour ago, mid-way through attempt 1."""
    ago = timezone.now() - LONG_AGO
    return ReportFactory(
        params={"school": school_a.pk},
        ordered_by=director_a,
        status=Report.Status.RUNNING,
        attempts=1,
        started_at=ago,
        heartbeat_at=ago,
    )


@pytest.fixture
def failed(school_a, director_a):
    return ReportFactory(
        params={"school": school_a.pk},
        ordered_by=director_a,
        status=Report.Status.FAILED,
        attempts=1,
        error="Отчёт не удалось подготовить.",
    )


@pytest.mark.django_db
def test_a_stalled_report_is_queued_again_and_ends_done_with_one_file(
    stalled, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_requeue_stalled() == 1
    stalled.refresh_from_db()
    assert (stalled.status, stalled.attempts) == (Report.Status.DONE, 2)
    assert stalled.file.name.endswith(f"report-{stalled.pk}.pdf")


@pytest.mark.django_db
def test_a_report_that_is_alive_is_left_alone(stalled):
    Report.objects.filter(pk=stalled.pk).update(heartbeat_at=timezone.now())
    assert reports_requeue_stalled() == 0
    stalled.refresh_from_db()
    assert stalled.status == Report.Status.RUNNING
    assert not stalled.is_stalled


@pytest.mark.django_db
def test_a_report_that_used_up_its_attempts_fails_with_a_message(stalled, settings):
    Report.objects.filter(pk=stalled.pk).update(attempts=settings.REPORT_MAX_ATTEMPTS)
    assert reports_requeue_stalled() == 0
    stalled.refresh_from_db()
    assert stalled.status == Report.Status.FAILED
    assert stalled.error == "Отчёт не удалось подготовить; попробуйте заказать его ещё раз."


@pytest.mark.django_db
def test_a_queued_report_that_nothing_will_render_is_queued_again(
    school_a, django_capture_on_commit_callbacks
):
    orphan = ReportFactory(params={"school": school_a.pk})
    Report.objects.filter(pk=orphan.pk).update(created_at=timezone.now() - LONG_AGO)
    on_its_way = ReportFactory(params={"school": school_a.pk, "other": 1})
    Report.objects.filter(pk=on_its_way.pk).update(created_at=timezone.now() - LONG_AGO)
    OutboxItem.objects.create(handler=RENDER, kwargs={"report_id": on_its_way.pk})

    with django_capture_on_commit_callbacks(execute=True):
        assert reports_requeue_stalled() == 1
    orphan.refresh_from_db()
    assert orphan.status == Report.Status.DONE


@pytest.mark.django_db
def test_ordering_a_stalled_report_again_restarts_the_same_report(
    stalled, director_a, school_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = report_order(kind="school", params={"school": school_a.pk}, by=director_a)
    assert report.pk == stalled.pk
    report.refresh_from_db()
    assert (report.status, report.attempts) == (Report.Status.DONE, 2)
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_retrying_a_failed_report_renders_the_same_report(
    failed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = report_retry(report=failed)
    assert report.pk == failed.pk
    report.refresh_from_db()
    assert (report.status, report.error, report.attempts) == (Report.Status.DONE, "", 2)


@pytest.mark.django_db
def test_a_done_or_healthy_report_is_not_retried(failed):
    Report.objects.filter(pk=failed.pk).update(status=Report.Status.DONE)
    failed.refresh_from_db()
    with pytest.raises(ReportError, match="только отчёт, который не удалось подготовить"):
        report_retry(report=failed)


@pytest.mark.django_db
def test_retrying_when_the_same_order_is_pending_returns_that_order(failed, director_a):
    twin = ReportFactory(params=failed.params, ordered_by=director_a)
    assert report_retry(report=failed) == twin
    failed.refresh_from_db()
    assert failed.status == Report.Status.FAILED


RETRY = {
    # anonymous, teacher_a, director_a (ordered it), director_b, methodologist, coordinator
    "failed": (302, 404, 302, 404, 302, 302),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_who_may_order_a_failed_report_again(login, cast, failed, role):
    response = login(cast[role]).post(reverse("reports:report_retry", args=[failed.pk]))
    expected = RETRY["failed"][ROLES.index(role)]
    assert response.status_code == expected
    failed.refresh_from_db()
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    elif expected == 302:
        assert response["Location"] == reverse("reports:report_list")
        assert failed.status == Report.Status.QUEUED
    else:
        assert failed.status == Report.Status.FAILED


@pytest.mark.django_db
def test_retry_is_a_post(login, director_a, failed):
    response = login(director_a).get(reverse("reports:report_retry", args=[failed.pk]))
    assert response.status_code == 405


@pytest.mark.django_db
def test_the_list_offers_to_order_again_and_tells_of_a_silent_worker(
    login, director_a, failed, stalled
):
    page = login(director_a).get(reverse("reports:report_list")).content.decode()
    assert page.count("Заказать снова") == 3  # two rows and the template of the button
    assert reverse("reports:report_retry", args=[failed.pk]) in page
    assert "Подготовка прервалась; отчёт будет подготовлен заново" in page


@pytest.mark.django_db
def test_the_status_answer_names_the_retry_address(login, director_a, failed):
    url = reverse("reports:report_status")
    data = login(director_a).get(url, {"id": failed.pk}).json()
    assert data["reports"][0]["retry"] == reverse("reports:report_retry", args=[failed.pk])


@pytest.mark.django_db(transaction=True)
def test_a_running_report_keeps_a_heartbeat(school_a, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 0.05
    report = ReportFactory(params={"school": school_a.pk}, status=Report.Status.RUNNING)
    done = threading.Event()
    with heartbeat(report.pk):
        wait_for(
            lambda: Report.objects.get(pk=report.pk).heartbeat_at is not None,
            timeout=10,
            interval=0.05,
        )
        done.set()
    assert done.is_set()


@pytest.mark.django_db
def test_offering_retry_costs_no_query_per_report(
    login, director_a, school_a, django_assert_max_num_queries
):
    def failed_reports(count):
        for n in range(count):
            ReportFactory(
                params={"school": school_a.pk, "n": n},
                ordered_by=director_a,
                status=Report.Status.FAILED,
            )

    client = login(director_a)
    failed_reports(2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports:report_list"))
    failed_reports(18)
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("reports:report_list")).content.decode()
    assert page.count(">Заказать снова<") == 21  # twenty rows and the button's template
