"""A page part kept as HTML: once per area version, scope, query and language; never one
that holds a CSRF token."""

import pytest
from django.test import RequestFactory

from core.figures_cache import area_changed
from core.kept_html import kept_html

pytestmark = pytest.mark.django_db
AREA = "test-kept-html"


@pytest.fixture
def part(tmp_path, settings):
    """A template ``part.html`` showing a counter: each render counts one more."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "part.html").write_text(
        "<p>rendered {{ n }}</p>{% if form %}{% csrf_token %}{% endif %}"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(folder)]}]
    renders = []

    def show(request, scope="all", form=False):
        def context():
            renders.append(1)
            return {"n": len(renders), "form": form}

        return str(kept_html(request, AREA, "part", scope, "part.html", context))

    return show


def get(query=""):
    return RequestFactory().get("/page/" + query)


def test_a_part_is_rendered_once_until_its_area_changes(part):
    assert part(get()) == part(get()) == "<p>rendered 1</p>"
    area_changed(AREA)
    assert part(get()) == "<p>rendered 2</p>"


def test_each_scope_and_query_has_its_own_part(part):
    first = part(get(), scope="school:1")
    other_school = part(get(), scope="school:2")
    other_query = part(get("?page=2"), scope="school:1")

    assert [first, other_school, other_query] == [
        "<p>rendered 1</p>",
        "<p>rendered 2</p>",
        "<p>rendered 3</p>",
    ]
    assert part(get(), scope="school:1") == first


def test_a_part_with_a_csrf_token_is_never_kept(part):
    request = get()
    first = part(request, form=True)
    second = part(get(), form=True)

    assert "csrfmiddlewaretoken" in first
    assert "rendered 1" in first and "rendered 2" in second
