"""While the database is down, every page answers a Russian 503 instead of a 500."""

import logging

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
