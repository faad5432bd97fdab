"""The registry's audit trail, and one import record per imported file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import ImportRecord
from schools.models import School, Teacher
from schools.services import school_set_category, teacher_update
from tests.schools.factories import SchoolFactory, SubjectFactory, TeacherFactory
from tests.schools.spreadsheets import (
    SCHOOL_HEADERS,
    TEACHER_HEADERS,
    school_row,
    teacher_row,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


def import_file(client, kind, data, name):
    """Check the file on the import page, then import it."""
    client.post(reverse("schools:import", args=[kind]), {"file": SimpleUploadedFile(name, data)})
    return client.post(reverse("schools:import_confirm", args=[kind]), follow=True)


def _types(history):
    return [r.history_type for r in history.order_by("history_date", "history_id")]


def test_teacher_edited_twice_in_the_portal_has_three_records(login, director_a, school_a):
    teacher = TeacherFactory(school=school_a)
    client = login(director_a)
    url = reverse("schools:teacher_edit", args=[school_a.pk, teacher.pk])

    client.post(url, {"position": "завуч", "qualification": "first"})
    client.post(url, {"position": "завуч", "qualification": "highest"})

    history = Teacher.history.filter(id=teacher.pk).order_by("history_date", "history_id")
    assert _types(history) == ["+", "~", "~"]
    assert [r.qualification for r in history] == ["none", "first", "highest"]
    assert [r.history_user for r in history][1:] == [director_a, director_a]


def test_teacher_update_names_its_author(school_a, methodologist):
    teacher = TeacherFactory(school=school_a)

    teacher_update(teacher=teacher, data={"position": "завуч"}, by=methodologist)

    assert teacher.history.latest().history_user == methodologist


def test_school_category_changes_are_recorded(school_a):
    school_set_category(school=school_a, year=2030, category=School.Category.LEADER)
    school_set_category(school=school_a, year=2031, category=School.Category.REGULAR)

    history = School.history.filter(id=school_a.pk).order_by("history_date", "history_id")
    assert [r.category for r in history] == ["low_results", "leader", "regular"]


def test_school_history_in_the_admin_reads_in_russian(login, methodologist, school_a):
    school_set_category(school=school_a, year=2030, category=School.Category.LEADER)

    response = login(methodologist).get(reverse("admin:schools_school_history", args=[school_a.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Категория поддержки:</strong> ШНОР → Школа-лидер" in page
    assert "style=" not in page  # the portal's CSP refuses inline styles


def test_methodologist_sees_the_school_history_in_the_portal(login, methodologist, school_a):
    school_set_category(school=school_a, year=2030, category=School.Category.LEADER)

    page = login(methodologist).get(reverse("schools:detail", args=[school_a.pk])).content
    assert "ШНОР → Школа-лидер" in page.decode()


def test_director_does_not_see_the_school_history(login, director_a, school_a):
    page = login(director_a).get(reverse("schools:detail", args=[school_a.pk])).content
    assert "История изменений" not in page.decode()


@pytest.fixture
def admin_client(login, methodologist):
    return login(methodologist)


def test_each_imported_file_is_recorded_once_with_its_counts(admin_client, methodologist):
    first = xlsx_bytes(SCHOOL_HEADERS, [school_row(), school_row("МАОУ СОШ № 8")])
    admin_client.post(
        reverse("schools:import", args=["schools"]),
        {"file": SimpleUploadedFile("schools.xlsx", first)},
    )
    assert ImportRecord.objects.count() == 0  # the preview is not an import
    admin_client.post(reverse("schools:import_confirm", args=["schools"]))
    second = xlsx_bytes(
        SCHOOL_HEADERS,
        [school_row(), school_row("МАОУ СОШ № 8", "лидер"), school_row("МАОУ СОШ № 9")],
    )
    import_file(admin_client, "schools", second, "v2.xlsx")

    records = list(ImportRecord.objects.order_by("imported_at", "pk"))
    assert [(r.file_name, r.kind) for r in records] == [
        ("schools.xlsx", ImportRecord.Kind.SCHOOLS),
        ("v2.xlsx", ImportRecord.Kind.SCHOOLS),
    ]
    assert [(r.created, r.updated, r.skipped, r.errors) for r in records] == [
        (2, 0, 0, 0),
        (1, 1, 1, 0),
    ]
    assert {r.imported_by for r in records} == {methodologist}


def test_teacher_import_is_recorded_and_every_teacher_gets_history(admin_client, methodologist):
    SchoolFactory(short_name="МАОУ СОШ № 7")
    SubjectFactory(name="Математика")
    data = xlsx_bytes(TEACHER_HEADERS, [teacher_row(), teacher_row("Ёлкина", email="")])

    import_file(admin_client, "teachers", data, "t.xlsx")

    record = ImportRecord.objects.get()
    assert (record.kind, record.file_name, record.created) == ("teachers", "t.xlsx", 2)
    created = Teacher.history.filter(history_type="+")
    assert created.count() == 2
    assert {r.history_user for r in created} == {methodologist}


def test_import_records_are_read_only_in_the_admin(admin_client, methodologist):
    record = ImportRecord.objects.create(
        kind=ImportRecord.Kind.TEACHERS, file_name="t.xlsx", imported_by=methodologist, created=3
    )

    listing = admin_client.get(reverse("admin:accounts_importrecord_changelist"))
    change = admin_client.post(
        reverse("admin:accounts_importrecord_change", args=[record.pk]), {"created": 5}
    )

    assert listing.status_code == 200 and "t.xlsx" in listing.content.decode()
    assert change.status_code == 403
    record.refresh_from_db()
    assert record.created == 3


def test_teacher_history_in_the_admin_shows_labels_not_values(admin_client, school_a):
    teacher = TeacherFactory(school=school_a)
    teacher_update(teacher=teacher, data={"qualification": "highest"})

    response = admin_client.get(reverse("admin:schools_teacher_history", args=[teacher.pk]))

    page = response.content.decode()
    assert "Квалификационная категория:</strong> Без категории → Высшая категория" in page
    assert "Фамилия:</strong> — → " in page  # the creation shows what it set


def test_partner_organisations_import_without_history_pages(admin_client):
    response = admin_client.get(reverse("admin:schools_partnerorganisation_changelist"))
    assert response.status_code == 200


def test_long_imports_are_listed_read_only_in_the_admin_without_their_file(
    admin_client, methodologist
):
    from accounts.models import ImportJob

    job = ImportJob.objects.create(
        kind=ImportRecord.Kind.TEACHERS,
        file_name="педагоги.xlsx",
        data=b"PK secret-bytes",
        started_by=methodologist,
        state=ImportJob.State.FAILED,
        total=400,
        error="Файл не читается как таблица",
    )

    listing = admin_client.get(reverse("admin:accounts_importjob_changelist"))
    page = admin_client.get(reverse("admin:accounts_importjob_change", args=[job.pk]))
    change = admin_client.post(
        reverse("admin:accounts_importjob_change", args=[job.pk]), {"state": "done"}
    )

    assert listing.status_code == 200 and "педагоги.xlsx" in listing.content.decode()
    assert "Не импортирован" in listing.content.decode()
    assert page.status_code == 200
    assert "Файл не читается как таблица" in page.content.decode()
    assert "secret-bytes" not in page.content.decode()
    assert change.status_code == 403
    job.refresh_from_db()
    assert job.state == ImportJob.State.FAILED


def test_the_long_imports_list_costs_the_same_queries_for_3_or_30_jobs(admin_client, methodologist):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import ImportJob
    from tests.accounts.factories import UserFactory

    def listed(count):
        ImportJob.objects.bulk_create(
            ImportJob(
                kind=ImportRecord.Kind.TEACHERS,
                file_name=f"педагоги-{n}.xlsx",
                started_by=UserFactory(),
            )
            for n in range(count)
        )
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(reverse("admin:accounts_importjob_changelist"))
        assert response.status_code == 200
        return len(queries)

    assert listed(3) == listed(27)
