"""The cast every test can call on by name, and the switches for outside services."""

import os

import pytest
from django.test import Client

from accounts.roles import Role
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason):
    """A missing service fails the test in CI and skips it elsewhere."""
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


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


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="ru-RU", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username, password="pass12345"):
    """Log in through the real login form."""
    page.goto("/accounts/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
