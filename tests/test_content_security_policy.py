"""Every page carries a Content-Security-Policy that allows no inline script."""

import re

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory


def _directives(response):
    header = response.headers["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "url",
    [reverse("home"), reverse("login"), reverse("events:list"), reverse("admin:login")],
)
def test_page_forbids_inline_scripts(client, db, url):
    response = client.get(url)

    assert response.status_code == 200
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def test_admin_page_of_a_logged_in_superuser_forbids_inline_scripts(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("admin:events_event_changelist"))

    assert response.status_code == 200
    assert _directives(response)["script-src"] == ["'self'"]


def test_no_portal_template_writes_inline_script_or_style(settings):
    """Inline <script>, on…= handlers and style= would be refused by the browser."""
    pattern = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|\son[a-z]+=|"
        r"javascript:|\sstyle=|<style"
    )
    templates = settings.BASE_DIR / "templates"
    # E-mails and PDFs are not web pages: mail clients and WeasyPrint need inline styles.
    offenders = [
        f"{path.relative_to(templates)}: {match.group()}"
        for path in templates.rglob("*.html")
        if not {"emails", "pdf"} & set(path.relative_to(templates).parts)
        and not path.name.endswith("_pdf.html")
        for match in pattern.finditer(path.read_text())
    ]
    assert offenders == []
