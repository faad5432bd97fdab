"""The cast every test can call on by name, and the switches for outside services."""

import atexit
import contextlib
import os
import shutil
import socket
import tempfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Uploaded and generated files of a test run go to a folder of its own, which the
# Celery workers that tests start inherit through the environment.
# Settings are loaded by now, so the folder is set on them too, before any storage is used.
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="portal-test-media-")
django_settings.MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
atexit.register(shutil.rmtree, os.environ["MEDIA_ROOT"], ignore_errors=True)


def unavailable(reason):
    """A missing service fails the test in CI and skips it elsewhere."""
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture
def shared_redis(settings):
    """The portal's cache on the real Redis, in a key space of this test's own."""
    from django.core.cache import caches

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        unavailable("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.PortalRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/7",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    return caches["default"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs a third of a second a user; tests make hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters (password reset) must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def school_a(db):
    return SchoolFactory(short_name="МАОУ СОШ № 101", category=School.Category.LOW_RESULTS)


@pytest.fixture
def school_b(db):
    return SchoolFactory(short_name="МАОУ СОШ № 202", category=School.Category.LEADER)


def _school_user(username, role, school):
    user = UserFactory(username=username, role=role)
    TeacherFactory(school=school, user=user, last_name=username.capitalize())
    return user


@pytest.fixture
def methodologist(db):
    return UserFactory(username="metodist", role=Role.METHODOLOGIST)


@pytest.fixture
def coordinator(db):
    return UserFactory(username="koordinator", role=Role.COORDINATOR)


@pytest.fixture
def director_a(school_a):
    return _school_user("direktor_a", Role.DIRECTOR, school_a)


@pytest.fixture
def director_b(school_b):
    return _school_user("direktor_b", Role.DIRECTOR, school_b)


@pytest.fixture
def teacher_a(school_a):
    return _school_user("uchitel_a", Role.TEACHER, school_a)


@pytest.fixture
def anonymous(db):
    return None


@pytest.fixture
def login():
    """A test client logged in as the given user (or anonymous for None)."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


ROLES = ["anonymous", "teacher_a", "director_a", "director_b", "methodologist", "coordinator"]


@pytest.fixture
def cast(request, anonymous, teacher_a, director_a, director_b, methodologist, coordinator):
    """Every role by name, for access matrices."""
    return {
        "anonymous": anonymous,
        "teacher_a": teacher_a,
        "director_a": director_a,
        "director_b": director_b,
        "methodologist": methodologist,
        "coordinator": coordinator,
    }


# --- browser -----------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls that the
# tests make around it are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        unavailable(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Each page of a browser test reports every Content-Security-Policy violation it sees to
# the test (and keeps them in window.__csp, which a navigation starts afresh).
RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const violation = {
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    page: document.location.href,
  };
  window.__csp.push(violation);
  window.__reportCspViolation(violation);
});
"""


@pytest.fixture
def csp_violations():
    """The CSP violations the browser pages of this test reported, in order."""
    return []


@pytest.fixture
def page(browser, live_server, csp_violations):
    """A browser page on the live server; the test fails if any page broke the CSP.

    A test that provokes a violation on purpose asserts on csp_violations and clears it.
    """
    context = browser.new_context(locale="ru-RU", base_url=live_server.url)
    context.set_default_timeout(15_000)
    # A lambda: Playwright tags the callable it is given, which a bound builtin refuses.
    context.expose_function("__reportCspViolation", lambda found: csp_violations.append(found))
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    yield page
    # A round trip to the page delivers the reports still on their way.
    with contextlib.suppress(Exception):
        page.evaluate("window.__csp.length")
    context.close()
    if csp_violations:
        pytest.fail(_csp_summary(csp_violations), pytrace=False)


def _csp_summary(violations):
    """One line per directive and page, with the first line that broke it."""
    seen = {}
    for violation in violations:
        key = (violation["directive"], violation["page"])
        seen.setdefault(key, [violation, 0])[1] += 1
    lines = [
        f"  {directive} on {page}: {count}× (first at line {first['line']}"
        f" of {first['source'] or 'the page'}, blocked {first['blocked']!r})"
        for (directive, page), (first, count) in seen.items()
    ]
    return "Content-Security-Policy violations:\n" + "\n".join(lines)


def log_in(page, username, password="pass12345"):
    """Log in through the real login form."""
    login_url = reverse("login")
    page.goto(login_url)
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url(lambda url: login_url not in url)


# --- outside services ----------------------------------------------------------


@pytest.fixture
def postgres(db):
    """For tests that only mean something on PostgreSQL (locks, concurrency)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        unavailable("needs PostgreSQL: set DATABASE_URL")


@pytest.fixture(autouse=True)
def _celery_eager(request):
    """Run tasks in-process unless a test asks for the real worker."""
    from config.celery import app

    if request.node.get_closest_marker("worker"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def celery_workers(transactional_db):
    """Start real Celery workers on the configured broker, using this test's database.

    Calling the fixture starts one worker (extra environment variables may be given)
    and returns its process; every worker is stopped after the test.
    """
    import subprocess
    import sys
    import time

    from django.conf import settings
    from django.db import connection

    from config.celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER:
        unavailable("needs a broker: set CELERY_BROKER_URL")
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # any failure to reach it is the same answer
        unavailable(f"the broker is not reachable: {error}")
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        unavailable("a worker process cannot share an in-memory SQLite test database")
    base_env = dict(os.environ)
    base_env["DATABASE_URL"] = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    base_env["DATABASE_CONN_MAX_AGE"] = "0"
    # A queue of this test's own, so that no other worker or test takes its tasks.
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"
    app.conf.task_default_queue = queue
    started = []

    def start(**extra_env):
        name = f"{queue}-{len(started)}@localhost"
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "solo"]
            + ["-Q", queue, "-n", name, "--without-gossip", "--without-mingle", "-l", "warning"],
            env={**base_env, **extra_env},
        )
        started.append(worker)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if app.control.ping(destination=[name], timeout=0.5):
                return worker
        pytest.fail("the Celery worker did not start in 30 s")

    try:
        yield start
    finally:
        app.conf.task_default_queue = "celery"
        for worker in started:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()


def wait_for(condition, timeout=60, interval=0.2):
    """Poll until condition() is truthy; fail the test after timeout seconds."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"still waiting after {timeout} s")


def switch_user(page, username, password="pass12345"):
    """Log out by dropping the session cookie, then log in as someone else."""
    page.context.clear_cookies()
    log_in(page, username, password)


def open_menu(page, area, item):
    """Click a menu item: open its area's dropdown in the navigation bar first."""
    navbar = page.locator("nav.navbar")
    navbar.get_by_role("button", name=area).click()
    navbar.get_by_role("link", name=item).click()
