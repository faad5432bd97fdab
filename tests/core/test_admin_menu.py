"""The admin's menu of models, kept per user and permission set (core.admin_site)."""

import pytest
from django.contrib.admin import site
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.roles import Role
from core import admin_site
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_kept_menus():
    """SQLite gives a rolled-back user's id to the next test's user: a menu kept by an
    earlier test would be found under the same key."""
    site._menus.clear()
    yield
    site._menus.clear()


def menu_models(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {m["object_name"] for app in response.context["app_list"] for m in app["models"]}


def test_the_menu_is_built_once_for_the_same_user_and_permissions(login, methodologist):
    client = login(methodologist)
    first = client.get(reverse("admin:schools_teacher_changelist")).context["available_apps"]
    again = client.get(reverse("admin:schools_teacher_changelist")).context["available_apps"]

    assert again is first
    assert "Teacher" in {m["object_name"] for app in first for m in app["models"]}


def test_a_granted_permission_shows_in_the_menu_at_once(login):
    clerk = UserFactory(role=Role.METHODOLOGIST)
    clerk.groups.clear()
    clerk.user_permissions.add(Permission.objects.get(codename="view_teacher"))
    client = login(clerk)
    before = menu_models(client)
    assert "Teacher" in before
    assert "Subject" not in before

    clerk.user_permissions.add(Permission.objects.get(codename="view_subject"))

    assert menu_models(client) == before | {"Subject"}


def test_a_kept_menu_is_built_again_when_its_time_is_up(login, methodologist, monkeypatch):
    monkeypatch.setattr(admin_site, "MENU_SECONDS", 0)
    client = login(methodologist)
    first = client.get(reverse("admin:index")).context["app_list"]
    again = client.get(reverse("admin:index")).context["app_list"]

    assert again is not first
    assert again == first


@pytest.fixture
def side_menus(monkeypatch):
    """The pages of Django's app list that the side menu rendered."""
    rendered = []
    original = admin_site.render_to_string

    def counted(template, context, *args, **kwargs):
        rendered.append(context["request"].path)
        return original(template, context, *args, **kwargs)

    monkeypatch.setattr(admin_site, "render_to_string", counted)
    return rendered


def side_menu(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    return html[
        html.index('id="nav-sidebar"') : html.index("</nav>", html.index('id="nav-sidebar"'))
    ]


def test_the_side_menu_is_rendered_once_for_each_current_model(login, methodologist, side_menus):
    client = login(methodologist)
    teachers = reverse("admin:schools_teacher_changelist")
    schools = reverse("admin:schools_school_changelist")

    first = side_menu(client, "admin:schools_teacher_changelist")
    again = side_menu(client, "admin:schools_teacher_changelist")
    other = side_menu(client, "admin:schools_school_changelist")

    assert again == first
    assert side_menus == [teachers, schools]
    assert f'<a href="{teachers}" aria-current="page">' in first
    assert f'<a href="{schools}" aria-current="page">' in other
    assert f'<a href="{teachers}" aria-current="page">' not in other
    assert 'id="nav-filter"' in first


def test_the_side_menu_follows_a_granted_permission(login):
    clerk = UserFactory(role=Role.METHODOLOGIST)
    clerk.groups.clear()
    clerk.user_permissions.add(Permission.objects.get(codename="view_teacher"))
    client = login(clerk)
    before = side_menu(client, "admin:schools_teacher_changelist")
    assert reverse("admin:schools_subject_changelist") not in before

    clerk.user_permissions.add(Permission.objects.get(codename="view_subject"))

    assert reverse("admin:schools_subject_changelist") in side_menu(
        client, "admin:schools_teacher_changelist"
    )
