"""A database built by bd1ba2e (before the restructuring) migrates with today's code.

Every row stays, content types are kept or relabelled (never recreated) and each demo
login still reaches its objects by their old paths. Everything runs in subprocesses on a
throw-away PostgreSQL database; tests/upgrade_probe.py makes and reads the data.

UPGRADE_NEW_TREE=<folder> runs the new half in another tree (for trying the test itself).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[1]
OLD_COMMIT = "bd1ba2ec27c97762bf4cda7781576c40f92ffe9c"  # main before the restructuring
SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
# Tables whose rows a migration (or post_migrate) may add to, never take from.
GROWING = {"django_content_type", "auth_permission", "auth_group_permissions"}

pytestmark = pytest.mark.postgres


def _connect(dbname):
    import psycopg2

    connection = psycopg2.connect(dbname=dbname, connect_timeout=5, **SERVER)
    connection.autocommit = True
    return connection


@pytest.fixture
def database():
    """A new, empty database of its own, dropped afterwards whatever happened."""
    import psycopg2

    try:
        server = _connect("postgres")
    except psycopg2.OperationalError as error:
        unavailable(f"PostgreSQL is not reachable at 127.0.0.1:5432: {error}")
    name = f"upgrade_check_{secrets.token_hex(6)}"
    try:
        with server.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield name
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


@pytest.fixture
def old_tree(tmp_path):
    """The code of bd1ba2e, extracted from the repository's history."""
    found = shutil.which("git") and subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{OLD_COMMIT}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if not found or found.returncode != 0:
        unavailable(f"git history with {OLD_COMMIT} is not available in {ROOT}")
    tree = tmp_path / "old"
    tree.mkdir()
    archive = subprocess.Popen(
        ["git", "-C", str(ROOT), "archive", OLD_COMMIT], stdout=subprocess.PIPE
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, check=True)
    archive.stdout.close()
    assert archive.wait() == 0, f"git archive {OLD_COMMIT} failed"
    return tree


def _environment(database, tmp_path):
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_CONN_MAX_AGE": "0"}
    for name in ("CELERY_BROKER_URL", "CI", "DJANGO_ALLOWED_HOSTS", "PYTHONPATH"):
        env.pop(name, None)  # no broker: Celery runs the tasks eagerly
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    env["PRIVATE_MEDIA_ROOT"] = str(tmp_path / "media_private")
    return env


def _run(what, args, *, cwd, env):
    done = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        tail = (done.stdout + done.stderr)[-4000:]
        pytest.fail(f"{what} failed (exit code {done.returncode}) in {cwd}:\n{tail}", pytrace=False)


def _probe(what, mode, *files, cwd, env):
    _run(what, [str(ROOT / "tests" / "upgrade_probe.py"), mode, *map(str, files)], cwd=cwd, env=env)
    return json.loads(Path(files[-1]).read_text(encoding="utf-8"))


def _fail_on(problems, heading):
    if problems:
        pytest.fail(heading + ":\n" + "\n".join(f"  {p}" for p in problems), pytrace=False)


def _snapshot(database):
    """Rows in each public table, and the ids of content types and permissions."""
    from psycopg2 import sql

    connection = _connect(database)
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
            cursor.execute("SELECT id, app_label, model FROM django_content_type")
            types = {pk: (app, model) for pk, app, model in cursor.fetchall()}
            cursor.execute("SELECT id, content_type_id, codename FROM auth_permission")
            permissions = {pk: (type_id, codename) for pk, type_id, codename in cursor.fetchall()}
    finally:
        connection.close()
    return {"counts": counts, "types": types, "permissions": permissions}


def _count_problems(before, after):
    problems = []
    for table, rows in sorted(before.items()):
        if table not in after:
            problems.append(f"{table}: the table is gone ({rows} rows before)")
        elif table == "django_migrations":
            continue
        elif after[table] < rows or (after[table] != rows and table not in GROWING):
            problems.append(f"{table}: {rows} rows before, {after[table]} after")
    return problems


def _type_problems(before, after):
    problems = []
    pairs = set(after["types"].values())
    for pk, (app, model) in sorted(before["types"].items()):
        if pk not in after["types"]:
            problems.append(f"content type {pk} ({app}.{model}) was deleted")
        elif (app, model) not in pairs and after["types"][pk][1] != model:
            now = ".".join(after["types"][pk])
            problems.append(f"content type {pk} was {app}.{model}, is now {now}")
    old_models = {model: pk for pk, (_, model) in before["types"].items()}
    for pk, (app, model) in sorted(after["types"].items()):
        if pk not in before["types"] and model in old_models:
            problems.append(
                f"content type {pk} ({app}.{model}) is new, but {model} had content type "
                f"{old_models[model]} before: relabel it, do not recreate it"
            )
    for pk, (type_id, codename) in sorted(before["permissions"].items()):
        if pk not in after["permissions"]:
            problems.append(f"permission {pk} ({codename}, content type {type_id}) was deleted")
    return problems


def test_database_of_bd1ba2e_migrates_with_every_row_and_every_login_intact(
    database, old_tree, tmp_path
):
    new_tree = Path(os.environ.get("UPGRADE_NEW_TREE") or ROOT)
    env = _environment(database, tmp_path)
    made_file, old_seen, new_seen = (tmp_path / f"{n}.json" for n in ("made", "old", "new"))

    # 1-2. The old code builds the database, its demo and data beyond the demo.
    _run("migrate with the old code", ["manage.py", "migrate", "--noinput"], cwd=old_tree, env=env)
    _run("load_demo with the old code", ["manage.py", "load_demo"], cwd=old_tree, env=env)
    made = _probe("the probe making data", "create", made_file, cwd=old_tree, env=env)
    baseline = _probe(
        "the probe reading pages", "check", made_file, old_seen, cwd=old_tree, env=env
    )
    _fail_on(baseline["failures"], "the probe fails on the old code itself")

    # 3-5. The new code migrates it; no table loses a row.
    before = _snapshot(database)
    _run("migrate with the new code", ["manage.py", "migrate", "--noinput"], cwd=new_tree, env=env)
    after = _snapshot(database)
    problems = _count_problems(before["counts"], after["counts"])
    _fail_on(problems, "rows changed in the migration (table: before, after)")

    # 6. Content types and permissions are kept or relabelled, never recreated.
    problems = _type_problems(before, after)
    _fail_on(problems, "content types or permissions were not kept")

    # 7. Each demo login still sees its objects by their old paths.
    seen = _probe("the probe reading pages", "check", made_file, new_seen, cwd=new_tree, env=env)
    lost = sorted(set(baseline["admin_models"]) - set(seen["admin_models"]))
    if lost:
        seen["failures"].append(f"metodist no longer sees these models in /admin/: {lost}")
    made = json.dumps(made, ensure_ascii=False)
    _fail_on(seen["failures"], f"pages by their old paths fail after the migration; made: {made}")
