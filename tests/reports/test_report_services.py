from datetime import timedelta

import pytest
from django.utils import timezone

from reports.models import Report
from reports.services import ReportError, report_order, report_render
from tests.pdf import pdf_text
from tests.reports.factories import ReportFactory
from tests.schools.factories import SchoolFactory, TeacherFactory


def test_order_queues_and_renders_on_commit(
    coordinator, school_a, django_capture_on_commit_callbacks
):
    TeacherFactory(school=school_a, last_name="Орлова")

    with django_capture_on_commit_callbacks(execute=True):
        report = report_order(
            kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=coordinator
        )

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 1
    text = pdf_text(report.file.read())
    assert str(school_a) in text
    assert "Орлова" in text


def test_same_order_while_pending_is_not_queued_twice(coordinator, school_a):
    first = report_order(kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=coordinator)
    second = report_order(
        kind=Report.Kind.SCHOOL, params={"school": str(school_a.pk)}, by=coordinator
    )

    assert second.pk == first.pk
    assert Report.objects.count() == 1


def test_same_order_after_the_first_is_done_is_a_new_report(coordinator, school_a):
    first = report_order(kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=coordinator)
    Report.objects.filter(pk=first.pk).update(status=Report.Status.DONE)

    second = report_order(kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=coordinator)

    assert second.pk != first.pk


def test_the_database_refuses_a_second_pending_identical_order(coordinator, school_a):
    from django.db import IntegrityError, transaction

    report_order(kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=coordinator)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(ordered_by=coordinator, params={"school": school_a.pk})


def test_director_orders_only_their_own_school(director_a, school_a, school_b):
    assert report_order(kind=Report.Kind.SCHOOL, params={"school": school_a.pk}, by=director_a)

    with pytest.raises(ReportError, match="только по своей школе"):
        report_order(kind=Report.Kind.SCHOOL, params={"school": school_b.pk}, by=director_a)


@pytest.mark.parametrize(
    ("kind", "params", "message"),
    [
        ("nonsense", {}, "Неизвестный вид отчёта"),
        ("school", {}, "Выберите школу"),
        ("school", {"school": "abc"}, "Выберите школу"),
        ("school", {"school": 999999}, "Школа не найдена"),
    ],
)
def test_bad_orders_are_refused_with_a_reason(coordinator, kind, params, message):
    with pytest.raises(ReportError, match=message):
        report_order(kind=kind, params=params, by=coordinator)
    assert Report.objects.count() == 0


def test_rendering_twice_overwrites_the_one_file(school_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = ReportFactory(params={"school": school_a.pk})

    report_render(report_id=report.pk)
    # A worker died mid-way: running, silent for longer than the stale limit.
    long_ago = timezone.now() - timedelta(hours=1)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RUNNING, heartbeat_at=long_ago)
    report_render(report_id=report.pk)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert names == [f"report-{report.pk}.docx", f"report-{report.pk}.pdf"]


def test_a_done_report_is_not_rendered_again(school_a):
    report = ReportFactory(params={"school": school_a.pk})
    report_render(report_id=report.pk)

    report_render(report_id=report.pk)

    report.refresh_from_db()
    assert report.attempts == 1


def test_report_whose_data_is_gone_fails_with_a_reason(school_a):
    school = SchoolFactory()
    report = ReportFactory(params={"school": school.pk})
    school.delete()

    report_render(report_id=report.pk)

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.error == "Школа больше не существует."
    assert not report.file


def test_scheduled_municipal_report_is_queued_once_while_pending(db):
    from reports.tasks import order_scheduled_municipal_report
    from tests.monitoring.factories import PeriodFactory

    PeriodFactory()
    first = order_scheduled_municipal_report.apply().get()
    second = order_scheduled_municipal_report.apply().get()

    assert first == second
    report = Report.objects.get()
    assert report.kind == Report.Kind.MUNICIPAL
    assert report.ordered_by is None


def test_municipal_report_is_the_centres(director_a):
    from tests.monitoring.factories import PeriodFactory

    PeriodFactory()
    with pytest.raises(ReportError, match="Муниципальный отчёт заказывает только ИМЦ"):
        report_order(kind=Report.Kind.MUNICIPAL, params={}, by=director_a)


def test_too_long_conclusion_is_refused(coordinator):
    from tests.monitoring.factories import PeriodFactory

    PeriodFactory()
    with pytest.raises(ReportError, match="длиннее 5"):
        report_order(kind=Report.Kind.MUNICIPAL, params={"conclusion": "я" * 5001}, by=coordinator)
