import os

from django.db import connection

from tests.conftest import IN_CI


def test_suite_runs_on_the_database_it_was_given(db):
    """In CI the suite must run on PostgreSQL, not fall back to SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"

    assert connection.vendor == expected
    if IN_CI:
        assert connection.vendor == "postgresql"
