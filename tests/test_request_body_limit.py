"""A request body over the limit is refused with the Russian 413 before it is read."""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client

from tests.conftest import wait_for

ROOT = Path(__file__).resolve().parent.parent
TOO_LARGE = "Слишком большой запрос"
MB = 1024 * 1024


@pytest.fixture
def small_limit(settings):
    settings.REQUEST_BODY_MAX_MB = 1
    settings.REQUEST_BODY_MAX_BYTES = MB


def test_announced_body_over_the_limit_is_refused_unread(db, small_limit):
    client = Client(raise_request_exception=False)

    response = client.generic("POST", "/accounts/login/", b"x" * 100, CONTENT_LENGTH=str(50 * MB))

    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()
    assert response["Connection"] == "close"


def test_body_within_the_limit_reaches_the_view(db, small_limit):
    response = Client().post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 200  # the login form again, with its error


def test_streamed_body_is_read_only_up_to_the_limit(db, small_limit):
    client = Client(raise_request_exception=False)

    response = client.generic(
        "POST",
        "/accounts/login/",
        b"x" * (2 * MB),
        content_type="application/octet-stream",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
    )

    assert response.status_code == 413


def test_the_default_limit_is_above_the_largest_upload(settings):
    from events.forms import MAX_FILE_SIZE

    assert MAX_FILE_SIZE < settings.REQUEST_BODY_MAX_BYTES <= MAX_FILE_SIZE + 5 * MB


# --- a real gunicorn, as docker compose starts it -----------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serving(port):
    """Whether a worker answers (the first request builds Django's middleware)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(b"GET /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            sock.settimeout(30)
            return sock.recv(12).startswith(b"HTTP/1.1")
    except OSError:
        return False


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "PYTHONPATH")},
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # The 413 is answered before the database is asked anything.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "REQUEST_BODY_MAX_MB": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: process.poll() is not None or _serving(port), timeout=60)
        assert process.poll() is None, "gunicorn did not start"
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answer(sock):
    """What the server sent until it closed the connection (at most 10 s)."""
    sock.settimeout(10)
    received = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        received += chunk
    return received.decode("utf-8", "replace")


def test_real_server_answers_413_without_waiting_for_the_body(server):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server), timeout=10) as sock:
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {50 * MB}\r\n\r\n".encode()
            + b"x" * 4096
        )
        answer = _answer(sock)
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert TOO_LARGE in answer
    assert time.monotonic() - started < 5


def test_real_server_refuses_a_streamed_body_past_the_limit(server):
    chunk = b"x" * 65536
    with socket.create_connection(("127.0.0.1", server), timeout=10) as sock:
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        try:
            for _ in range(40):  # 2.5 MB, past the limit of 1 MB
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        answer = _answer(sock)
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
