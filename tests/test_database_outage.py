"""While the database is unreachable every page answers a Russian 503 with Retry-After.

Fast: the portal runs in a subprocess whose DATABASE_URL names a server that is not
there (nothing listens on port 1) or an SQLite file that cannot be opened. Real fault
(PostgreSQL): gunicorn serves the portal on a cluster of the test's own, which the test
stops and starts again.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import unavailable, wait_for

ROOT = Path(__file__).resolve().parents[1]
UNAVAILABLE = "Портал временно недоступен"
PROBE = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client
settings.DEBUG = False
answers = {}
for name, path, cookies in json.loads(sys.argv[1]):
    client = Client(raise_request_exception=False)
    for key, value in cookies.items():
        client.cookies[key] = value
    response = client.get(path)
    answers[name] = [
        response.status_code,
        response.headers.get("Retry-After"),
        response.headers.get("Content-Type"),
        response.content.decode(),
    ]
print(json.dumps(answers))
"""
REQUESTS = [
    # The calendar queries events: a view's own query fails.
    ("calendar", "/events/", {}),
    # A session cookie: the session is read while the page renders the user.
    ("login", "/accounts/login/", {"sessionid": "no-such-session"}),
    # The 404 page reads the user too: the failure happens outside any view.
    ("not_found", "/no-such-page/", {"sessionid": "no-such-session"}),
    ("healthz", "/healthz", {}),
]


def probe(database_url):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(REQUESTS)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": database_url,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "database_url",
    [
        pytest.param("postgres://postgres@127.0.0.1:1/nowhere", id="postgres"),
        pytest.param("sqlite:////nonexistent-folder/db.sqlite3", id="sqlite"),
    ],
)
def test_pages_answer_the_russian_503_with_retry_after_when_the_database_is_gone(database_url):
    answers = probe(database_url)

    for name in ("calendar", "login", "not_found"):
        status, retry_after, content_type, text = answers[name]
        assert (name, status, retry_after) == (name, 503, "30")
        assert content_type.startswith("text/html"), name
        assert UNAVAILABLE in text, name
        assert "Traceback" not in text and "Server Error" not in text, name
    status, _, content_type, text = answers["healthz"]
    assert status == 503
    assert content_type == "application/json"
    assert json.loads(text)["database"] == "down"


# --- a real server on a PostgreSQL cluster of its own, which the test stops ----------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_version():
    clusters = Path("/etc/postgresql")
    versions = sorted(p.name for p in clusters.iterdir()) if clusters.is_dir() else []
    return versions[-1] if versions else None


def run(*argv):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{' '.join(argv)}: {done.stdout}{done.stderr}"


@pytest.fixture
def cluster():
    """A PostgreSQL cluster of this test's own, on a free port; dropped afterwards."""
    version = pg_version()
    if not shutil.which("pg_createcluster") or version is None:
        unavailable("needs Debian's postgresql-common (pg_createcluster)")
    if os.geteuid() != 0:
        unavailable("pg_createcluster needs root")
    name, port = f"outage_{secrets.token_hex(4)}", free_port()
    control = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name]
    run("pg_createcluster", version, name, "-p", str(port), "--", "--auth=trust")
    try:
        run(*control, "start")
        run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-c",
            "CREATE DATABASE portal",
        )
        yield {
            "url": f"postgres://postgres@127.0.0.1:{port}/portal",
            "stop": lambda: run(*control, "stop", "-m", "fast"),
            "start": lambda: run(*control, "start"),
        }
    finally:
        subprocess.run(
            ["pg_dropcluster", "--stop", version, name], capture_output=True, check=False
        )


def get(url, cookie="sessionid=no-such-session"):
    """Status, Retry-After and text of a GET; the session cookie makes every page read it."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Retry-After"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After"), error.read().decode()


@pytest.mark.postgres
def test_real_server_answers_503_while_its_database_is_down_and_recovers_by_itself(
    cluster, tmp_path
):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "PYTHONPATH")},
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": cluster["url"],
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    port = free_port()
    # One sync worker keeps one persistent connection (CONN_MAX_AGE): the hard case.
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(f"{base}/healthz"), timeout=60)
        pages = [f"{base}/accounts/login/", f"{base}/events/"]
        assert [get(page)[0] for page in pages] == [200, 200]

        cluster["stop"]()
        for page in pages:
            status, retry_after, text = get(page)
            assert (status, retry_after) == (503, "30"), page
            assert UNAVAILABLE in text
        assert get(f"{base}/healthz")[0] == 503

        cluster["start"]()
        assert [get(page)[0] for page in pages] == [200, 200]

        # A restart between two requests: the kept connection is checked, not trusted.
        cluster["stop"]()
        cluster["start"]()
        assert [get(page)[0] for page in pages] == [200, 200]
        assert server.poll() is None, "the server was never restarted"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _answers(url):
    try:
        return get(url)[0] == 200
    except OSError:
        return False
