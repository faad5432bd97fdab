import pytest
from django.urls import reverse

from reports.models import Report
from tests.conftest import ROLES
from tests.reports.factories import ReportFactory

LOGIN = 302
ORDERED = 302  # back to the list, the report queued


@pytest.fixture
def report_of_a(school_a, methodologist, settings, tmp_path):
    """A finished school report of school A (its rendering is tested elsewhere)."""
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    report = ReportFactory(
        params={"school": school_a.pk}, ordered_by=methodologist, status=Report.Status.DONE
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7 stand-in"))
    report.docx.save("report.docx", ContentFile(b"PK stand-in"))
    report.annex.save("report-annex.xlsx", ContentFile(b"PK stand-in"))
    return report


MATRIX = {
    # url name: anonymous, teacher_a, director_a, director_b, methodologist, coordinator
    "list": (LOGIN, 403, 200, 200, 200, 200),
    "status": (LOGIN, 403, 200, 200, 200, 200),
    "download": (LOGIN, 404, 200, 404, 200, 200),
    "docx": (LOGIN, 404, 200, 404, 200, 200),
    "annex": (LOGIN, 404, 200, 404, 200, 200),
    "order_get": (LOGIN, 405, 405, 405, 405, 405),
    # school A's report: its director and the centre order it; director B's form refuses it
    "order_post": (LOGIN, 403, ORDERED, 400, ORDERED, ORDERED),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", MATRIX)
def test_access_matrix(login, cast, school_a, report_of_a, name, role):
    client = login(cast[role])
    if name == "order_post":
        data = {"kind": "school", "school": school_a.pk}
        response = client.post(reverse("reports:report_order"), data)
    else:
        url = {
            "list": reverse("reports:report_list"),
            "status": reverse("reports:report_status") + f"?id={report_of_a.pk}",
            "download": reverse("reports:report_download", args=[report_of_a.pk]),
            "docx": reverse("reports:report_download_docx", args=[report_of_a.pk]),
            "annex": reverse("reports:report_download_annex", args=[report_of_a.pk]),
            "order_get": reverse("reports:report_order"),
        }[name]
        response = client.get(url)

    expected = MATRIX[name][ROLES.index(role)]
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    elif name == "order_post":
        ordered = Report.objects.filter(ordered_by=cast[role]).exists()
        assert ordered == (expected == ORDERED)
        if ordered:
            assert response["Location"] == reverse("reports:report_list")


def test_download_is_the_pdf(login, coordinator, report_of_a):
    url = reverse("reports:report_download", args=[report_of_a.pk])

    response = login(coordinator).get(url)

    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_director_of_another_school_cannot_see_the_report_in_status_either(
    login, director_b, report_of_a
):
    url = reverse("reports:report_status")

    data = login(director_b).get(url, {"id": report_of_a.pk}).json()

    assert data == {"reports": []}


def test_coordinator_orders_through_the_page(
    login, coordinator, school_a, django_capture_on_commit_callbacks
):
    client = login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:report_order"), {"kind": "school", "school": school_a.pk}
        )

    assert response.status_code == 302
    report = Report.objects.get()
    assert report.ordered_by == coordinator
    assert report.status == Report.Status.DONE
    page = client.get(reverse("reports:report_list")).content.decode()
    assert reverse("reports:report_download", args=[report.pk]) in page
    status = client.get(reverse("reports:report_status"), {"id": report.pk}).json()["reports"][0]
    assert status["status"] == "done" and status["label"] == "Готов"


def test_director_cannot_order_another_schools_report(login, director_a, school_b):
    response = login(director_a).post(
        reverse("reports:report_order"), {"kind": "school", "school": school_b.pk}
    )

    assert response.status_code == 400
    assert f"Ничего не найдено по запросу «{school_b.pk}»" in response.content.decode()
    assert not Report.objects.exists()


def test_bad_order_keeps_the_form_and_says_why(login, coordinator):
    response = login(coordinator).post(reverse("reports:report_order"), {"kind": "school"})

    assert response.status_code == 400
    assert "Выберите школу" in response.content.decode()


def test_failed_report_shows_its_reason(login, coordinator):
    ReportFactory(status=Report.Status.FAILED, error="Школа больше не существует.")

    page = login(coordinator).get(reverse("reports:report_list")).content.decode()

    assert "Школа больше не существует." in page


def test_report_list_costs_the_same_for_many_reports(
    login, coordinator, methodologist, django_assert_max_num_queries
):
    for _ in range(40):
        ReportFactory(ordered_by=methodologist, status=Report.Status.DONE)
    client = login(coordinator)

    with django_assert_max_num_queries(10):
        client.get(reverse("reports:report_list"))


@pytest.mark.parametrize(
    ("role", "expected"),
    [("director_a", 200), ("director_b", 404), ("teacher_a", 404), ("coordinator", 200)],
)
def test_partnership_report_is_for_its_members_and_the_centre(
    login, cast, school_a, methodologist, settings, tmp_path, role, expected
):
    """A director whose school is not in the partnership learns nothing of its report."""
    from django.core.files.base import ContentFile

    from tests.monitoring.factories import partnership_of

    settings.MEDIA_ROOT = tmp_path
    partnership = partnership_of(school_a)
    report = ReportFactory(
        kind=Report.Kind.PARTNERSHIP,
        params={"partnership": partnership.pk},
        ordered_by=methodologist,
        status=Report.Status.DONE,
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7 stand-in"))

    response = login(cast[role]).get(reverse("reports:report_download", args=[report.pk]))

    assert response.status_code == expected
