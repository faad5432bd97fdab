"""Reports rendered by real Celery workers on the broker (Redis in CI)."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from reports.models import Report
from schools.models import Teacher
from tests.conftest import wait_for
from tests.pdf import pdf_text
from tests.schools.factories import SchoolFactory
from tests.stack import Redis, Stack

pytestmark = pytest.mark.worker


def status_of(report):
    report.refresh_from_db()
    return report.status


def test_order_is_rendered_by_a_worker_and_downloaded(celery_workers, login, coordinator):
    celery_workers()
    school = SchoolFactory(short_name="МАОУ СОШ № 77")
    client = login(coordinator)

    client.post(reverse("reports:report_order"), {"kind": "school", "school": school.pk})
    report = Report.objects.get()
    assert report.status in (Report.Status.QUEUED, Report.Status.RUNNING, Report.Status.DONE)

    wait_for(lambda: status_of(report) == Report.Status.DONE, timeout=60)
    response = client.get(reverse("reports:report_download", args=[report.pk]))
    assert response.status_code == 200
    assert "МАОУ СОШ №\u00a077" in pdf_text(b"".join(response.streaming_content))


def test_failed_report_records_its_reason_and_the_worker_goes_on(
    celery_workers, login, coordinator
):
    celery_workers()
    doomed = SchoolFactory(short_name="Школа, которую закроют")
    healthy = SchoolFactory(short_name="Школа, которая работает")
    client = login(coordinator)
    client.post(reverse("reports:report_order"), {"kind": "school", "school": doomed.pk})
    first = Report.objects.get()
    doomed.delete()  # its data is gone before the worker gets to it
    client.post(reverse("reports:report_order"), {"kind": "school", "school": healthy.pk})
    second = Report.objects.exclude(pk=first.pk).get()

    wait_for(lambda: status_of(second) == Report.Status.DONE, timeout=60)
    first.refresh_from_db()
    # The first one either failed on missing data or, if rendered before the delete, is done.
    assert first.status in (Report.Status.FAILED, Report.Status.DONE)
    if first.status == Report.Status.FAILED:
        assert first.error == "Школа больше не существует."


def test_report_of_a_killed_worker_group_is_queued_again_and_ends_with_one_file(
    transactional_db, coordinator, tmp_path
):
    """SIGKILL of the whole worker process group mid-report: its heartbeat stops, beat's
    sweeper queues it again, a new worker renders it; one file, two attempts."""
    redis = Redis()
    redis.start()
    stack = Stack(
        broker_url=redis.url,
        tmp_path=tmp_path,
        REPORT_HEARTBEAT_SECONDS="1",
        REPORT_STALE_SECONDS="6",
    )
    try:
        school = SchoolFactory(short_name="Большая школа")
        Teacher.objects.bulk_create(
            Teacher(school=school, last_name=f"Учителева{i:04}", first_name="Анна")
            for i in range(900)
        )
        stack.start_server()
        stack.start_worker("first")
        stack.start_beat()
        form = {"kind": "school", "school": school.pk}
        assert stack.post(coordinator, "/reports/order/", form) == 302
        report = Report.objects.get()

        wait_for(lambda: status_of(report) == Report.Status.RUNNING, timeout=60, interval=0.05)
        stack.kill("first")
        assert status_of(report) == Report.Status.RUNNING  # it died mid-way

        stack.start_worker("second")
        wait_for(lambda: status_of(report) == Report.Status.DONE, timeout=180, interval=0.5)
    finally:
        stack.stop()
        redis.stop()

    assert report.attempts == 2
    files = list((Path(default_storage.location) / "reports").glob(f"report-{report.pk}*"))
    # One file of each copy, whatever the killed attempt had begun to write.
    assert sorted(f.name for f in files) == [f"report-{report.pk}.docx", f"report-{report.pk}.pdf"]
    assert "Учителева0899" in pdf_text(report.file.read())
