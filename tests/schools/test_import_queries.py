"""The teachers import costs the same number of queries for 50 rows as for 500."""

import re
import sqlite3

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schools.imports.services import registry_import_apply, registry_import_preview
from schools.models import Teacher
from tests.schools.factories import SchoolFactory, SubjectFactory, TeacherFactory
from tests.schools.office_files import OFFICE_TEACHER_HEADERS, office_teacher, office_xlsx

HEADERS = [*OFFICE_TEACHER_HEADERS, "Дата рождения", "Табельный номер"]


def teachers_file(count):
    rows = [
        [*office_teacher(n, school=f"МАОУ СОШ № {n % 2 + 1}"), "01.02.1980", f"{n:05}"]
        for n in range(count)
    ]
    return office_xlsx(HEADERS, rows)


_NAME = re.compile(r'"(\w+)"')


def statement(sql):
    """«SELECT schools_teacher», «INSERT schools_historicalteacher», «SAVEPOINT»."""
    verb = sql.split(" ", 1)[0]
    if verb in ("SAVEPOINT", "RELEASE", "ROLLBACK"):
        return verb
    table = _NAME.search(sql).group(1)
    return f"{verb} {table}"


@pytest.fixture
def whole_batches(monkeypatch):
    """Django splits SQLite's bulk writes at 999 parameters, a limit of old SQLite builds;
    ours allows far more, so that 500 rows are one batch there as on PostgreSQL."""
    if connection.vendor == "sqlite":
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        monkeypatch.setattr(connection.features, "max_query_params", limit)


@pytest.mark.django_db
def test_preview_and_import_cost_the_same_queries_for_50_and_500_rows(methodologist, whole_batches):
    SubjectFactory(name="Математика")
    schools = [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in (1, 2)]

    def run(count):
        Teacher.objects.all().delete()
        Teacher.history.all().delete()
        # Half the rows are stored already, with another qualification: they change.
        for n in range(0, count, 2):
            TeacherFactory(
                school=schools[n % 2],
                last_name=f"Учителева{n:03}",
                first_name="Мария",
                patronymic="Ивановна",
            )
        data = teachers_file(count)
        with CaptureQueriesContext(connection) as context:
            plan = registry_import_preview(kind="teachers", data=data, filename="f.xlsx")
            done = registry_import_apply(
                kind="teachers", data=data, filename="f.xlsx", by=methodologist
            )
        assert plan.problems == []
        assert (len(done.new), len(done.changed)) == (count // 2, count // 2)
        assert Teacher.history.count() == count + count // 2  # the stored half, then every row
        return [statement(q["sql"]) for q in context.captured_queries]

    assert run(500) == run(50)
