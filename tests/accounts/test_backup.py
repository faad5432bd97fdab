"""`manage.py backup` and `restore`: one archive brings back every row and every file.

The commands run in subprocesses, as cron or docker compose runs them, on a database and
media folders of the test's own.
"""

import hashlib
import os
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[2]
SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
FILES = {
    "media/reports/2026/отчёт.pdf": b"%PDF-1.4 report",
    "media/certificates/c1.pdf": b"%PDF-1.4 certificate",
    "private_media/evidence/2026/12/соглашение.docx": b"PK agreement " * 100,
}


def environment(tmp_path, database_url):
    env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "CI")}
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="0",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private_media"),
    )
    return env


def manage(env, *args, ok=True):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if ok:
        assert done.returncode == 0, f"manage.py {' '.join(args)}:\n{done.stdout}{done.stderr}"
    return done


def upload_files(tmp_path):
    for name, content in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def checksums(tmp_path):
    return {
        str(path.relative_to(tmp_path)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("media", "private_media")
        for path in sorted((tmp_path / folder).rglob("*"))
        if path.is_file()
    }


def empty_folders(tmp_path):
    for folder in ("media", "private_media"):
        for path in sorted((tmp_path / folder).rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()


def backup(env, directory):
    done = manage(env, "backup", "--dir", str(directory))
    archives = list(directory.glob("portal-*.tar.gz"))
    assert len(archives) == 1, done.stdout
    assert archives[0].name[len("portal-") :].count("-") == 1  # portal-YYYYmmdd-HHMMSS
    return archives[0]


# --- SQLite: fast, everywhere -----------------------------------------------------------


def sqlite_rows(path):
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


@pytest.fixture
def sqlite_portal(tmp_path):
    database = tmp_path / "portal.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE school (id integer PRIMARY KEY, name text)")
        db.executemany(
            "INSERT INTO school (name) VALUES (?)", [("МАОУ СОШ № 6",), ("Гимназия № 1",)]
        )
        db.execute("CREATE TABLE teacher (id integer PRIMARY KEY, school_id integer)")
        db.executemany("INSERT INTO teacher (school_id) VALUES (?)", [(1,), (1,), (2,)])
    db.close()
    upload_files(tmp_path)
    return database, environment(tmp_path, f"sqlite:///{database}")


def test_sqlite_backup_round_trip_restores_every_row_and_file(sqlite_portal, tmp_path):
    database, env = sqlite_portal
    rows, files = sqlite_rows(database), checksums(tmp_path)

    archive = backup(env, tmp_path / "backups")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "database.sqlite3", "media", "private_media"} <= names
    database.unlink()
    empty_folders(tmp_path)
    manage(env, "restore", str(archive))

    assert sqlite_rows(database) == rows
    assert checksums(tmp_path) == files


def test_restore_refuses_a_database_with_tables_unless_forced(sqlite_portal, tmp_path):
    database, env = sqlite_portal
    archive = backup(env, tmp_path / "backups")
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM teacher")
    db.close()

    refused = manage(env, "restore", str(archive), ok=False)
    assert refused.returncode != 0
    assert "в базе уже есть" in refused.stderr.lower()
    assert "FORCE=1" in refused.stderr
    assert sqlite_rows(database)["teacher"] == []

    manage(env, "restore", str(archive), "--force")
    assert len(sqlite_rows(database)["teacher"]) == 3


# --- PostgreSQL: the demo municipality ------------------------------------------------


def _connect(dbname):
    import psycopg2

    connection = psycopg2.connect(dbname=dbname, connect_timeout=5, **SERVER)
    connection.autocommit = True
    return connection


@pytest.fixture
def pg_database():
    """Create or re-create an empty database of the test's own; dropped afterwards."""
    import psycopg2

    try:
        server = _connect("postgres")
    except psycopg2.OperationalError as error:
        unavailable(f"PostgreSQL is not reachable at 127.0.0.1:5432: {error}")
    name = f"backup_check_{secrets.token_hex(6)}"

    def recreate():
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')

    try:
        recreate()
        yield name, recreate
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def pg_counts(name):
    from psycopg2 import sql

    connection = _connect(name)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
            counts = {}
            for (table,) in cursor.fetchall():
                cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        connection.close()


@pytest.mark.postgres
def test_postgres_backup_round_trip_restores_every_row_and_file(pg_database, tmp_path):
    name, recreate = pg_database
    env = environment(tmp_path, f"postgres://postgres@127.0.0.1:5432/{name}")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    upload_files(tmp_path)
    counts, files = pg_counts(name), checksums(tmp_path)
    assert counts["accounts_user"] > 0 and counts["schools_school"] > 0

    archive = backup(env, tmp_path / "backups")
    recreate()
    empty_folders(tmp_path)
    assert pg_counts(name) == {}
    manage(env, "restore", str(archive))

    assert pg_counts(name) == counts
    assert checksums(tmp_path) == files
    assert manage(env, "restore", str(archive), ok=False).returncode != 0
