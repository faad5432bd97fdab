"""Parts of a page kept in the shared cache as rendered HTML until their data changes.

A long list (the month's calendar, the partnerships, a dashboard) costs its page most of
its time in queries and in the template, while the rows change far less often than they
are read. ``kept_html`` renders such a part once per area version, language, query string
and the ``scope`` the caller names (what decides which rows the user may see: "all", a
school, a user), and hands the same HTML to the next reader. The page around it (menu,
messages, buttons that depend on permissions) is rendered on every request.

A part holding a CSRF token is never kept, the token belongs to one session, unless the
caller asks for ``with_csrf``: then the part is rendered with a placeholder in place of
the token, and each request's own token is written into it when it is served.
"""

import hashlib
import logging

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.figures_cache import cached_figures

log = logging.getLogger(__name__)
CSRF_FIELD = "csrfmiddlewaretoken"
CSRF_PLACEHOLDER = "kept-part-csrf-token"


def part_key(request, name, scope):
    """The key of one part of a page: its name, the reader's scope, language and query."""
    query = request.GET.urlencode() if request is not None else ""
    described = f"{name}|{scope}|{get_language()}|{query}"
    return "html:" + hashlib.sha1(described.encode()).hexdigest()


def kept_html(request, area, name, scope, template, context, timeout=None, with_csrf=False):
    """``template`` rendered with ``context()`` (a callable, so that a kept part reads no
    rows), or the HTML it gave for the same key since ``area`` last changed. With
    ``with_csrf`` its forms get this request's CSRF token."""

    def render():
        values = context()
        if with_csrf:
            values = {**values, "csrf_token": CSRF_PLACEHOLDER}
        return render_to_string(template, values, request)

    key = part_key(request, name, scope)
    if not with_csrf:
        return cached_figures(area, key, render, timeout=timeout, keep=_may_keep)
    html = cached_figures(area, key, render, timeout=timeout, keep=_holds_no_real_token)
    # The part was rendered (escaped) by a template; the token is Django's own.
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))


def _may_keep(html):
    if CSRF_FIELD in html:
        log.error("a kept page part holds a CSRF token; it is not kept")
        return False
    return True


def _holds_no_real_token(html):
    """Every CSRF field of the part holds the placeholder, none a session's token."""
    if html.count(CSRF_FIELD) != html.count(f'value="{CSRF_PLACEHOLDER}"'):
        log.error("a kept page part holds a CSRF token; it is not kept")
        return False
    return True
