"""Answers before a view runs: a Russian 503 while the database is down, a 400 for hostile input."""

import logging
import re

from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a browser or a proxy is told to wait before asking again.
RETRY_AFTER = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(error):
    return isinstance(error, OUTAGE_ERRORS)


def database_unavailable():
    """The 503 page; it is rendered without a request, so it reads nothing from the database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when a view, or the user or session it reads, loses the DB.

    Whatever escapes a middleware reaches config.views.server_error instead, which answers
    the same. Django closes a failed connection at the end of the request, so the next
    request connects anew and the portal recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        logger.error(
            "The database is unavailable: %s %s: %s", request.method, request.path, exception
        )
        return database_unavailable()


# NUL and the other control characters that no form or link of the portal ever sends;
# PostgreSQL refuses NUL in a string, so a view that filtered by one would answer 500.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ControlCharactersMiddleware:
    """Refuse a query string with control characters: 400 before any view reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(v) for v in values):
                raise SuspiciousOperation("control characters in the query string")
        return self.get_response(request)
