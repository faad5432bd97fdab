"""The portal's processes for fault tests: a Redis, Celery worker and beat, and gunicorn of
the test's own, all on this test's database, started and stopped by the test.

Users are logged in by a session written into the database (as ``Client.force_login``
does) and POSTs carry a CSRF cookie with the same token in the header, so that every
request goes through HTTP to the real server.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from email import message_from_string
from email.policy import default as email_policy
from pathlib import Path

from tests.conftest import unavailable, wait_for

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Redis:
    """A redis-server on a free port, without persistence: a restart loses every message."""

    def __init__(self):
        if not shutil.which("redis-server"):
            unavailable("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=20, interval=0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def _answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


class Stack:
    """gunicorn, a worker and beat on the test database and the given broker."""

    def __init__(self, *, broker_url, tmp_path, **extra_env):
        from django.conf import settings
        from django.db import connection

        db = connection.settings_dict
        if db["ENGINE"].endswith("sqlite3"):
            unavailable("a server process cannot share an in-memory SQLite test database")
        self.mail_dir = tmp_path / "mail"
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            "DJANGO_SETTINGS_MODULE": "tests.server_settings",
            "DJANGO_DEBUG": "0",
            # The test's own key: the sessions it writes must be valid for the server.
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": (
                f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}"
                f"/{db['NAME']}"
            ),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker_url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "OUTBOX_SWEEP_SECONDS": "1",
            **extra_env,
        }
        self.tmp_path = tmp_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.processes = {}

    def _spawn(self, name, argv):
        log = open(self.tmp_path / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        self.processes[name] = (
            subprocess.Popen(
                argv, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
            ),
            log,
        )
        return self.processes[name][0]

    def start_server(self):
        self._spawn(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"],
        )
        wait_for(lambda: self._status("/healthz") in (200, 503), timeout=60)

    def start_worker(self, name="worker"):
        return self._spawn(
            name,
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "solo"]
            + ["-n", f"{name}-{self.port}@localhost", "--without-gossip", "--without-mingle"]
            + ["-l", "info"],
        )

    def start_beat(self):
        return self._spawn(
            "beat",
            [sys.executable, "-m", "celery", "-A", "config", "beat", "-l", "info"]
            + ["-s", str(self.tmp_path / "beat-schedule"), "--pidfile="],
        )

    def kill(self, name):
        """SIGKILL the process and its whole group: nothing gets to clean up."""
        process = self.processes[name][0]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self):
        for process, log in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            log.close()

    def log(self, name):
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")

    # --- HTTP as a logged-in user -------------------------------------------------

    def session_of(self, user):
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    def post(self, user, path, data=None):
        """POST a form as the user; the status without following a redirect.

        A redirect to the login page would mean the session was refused: it fails.
        """
        token = secrets.token_hex(16)
        body = urllib.parse.urlencode(data or {}).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Cookie": f"sessionid={self.session_of(user)}; csrftoken={token}",
                "X-CSRFToken": token,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        status = self._open(request)
        assert status != ("login",), "the server refused the test's session"
        return status

    def _status(self, path):
        try:
            return self._open(urllib.request.Request(self.base + path))
        except OSError:
            return None

    @staticmethod
    def _open(request):
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if "/accounts/login/" in (error.headers.get("Location") or ""):
                return ("login",)
            return error.code

    # --- what the workers did -------------------------------------------------------

    def letters(self):
        """(recipient, subject) of every e-mail the portal's processes sent."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log")) if self.mail_dir.exists() else []:
            for raw in path.read_text().split("-" * 79):
                if raw.strip():
                    message = message_from_string(raw.strip(), policy=email_policy)
                    found.append((message["To"], str(message["Subject"])))
        return found


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_until(condition, timeout, message):
    """wait_for with a clear failure: what was awaited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"{message} (after {timeout} s)")
