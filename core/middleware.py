"""Answers before a view runs: a Russian 503 while the database is down, a 400 for hostile input,
a 413 for a body too large."""

import io
import logging
import re

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import LimitedStream
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
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


def request_too_large(request):
    """The Russian 413 page; the body it refuses is left unread."""
    context = {"limit_mb": settings.REQUEST_BODY_MAX_MB}
    response = render(request, "413.html", context, status=413)
    # The client may still be sending; the connection is not worth keeping.
    response["Connection"] = "close"
    return response


def _read_at_most(stream, limit):
    """The body of a request without Content-Length, or None once it passes ``limit``."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(64 * 1024, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks) if size <= limit else None


class RequestBodyLimitMiddleware:
    """Refuse a body over REQUEST_BODY_MAX_BYTES with a 413, before any of it is read.

    A body announced by Content-Length is judged by the header alone. A streamed one
    (Transfer-Encoding: chunked, no Content-Length) is read up to the limit and no further;
    within it, it is handed on as if its length had been announced.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_BODY_MAX_BYTES
        announced = request.META.get("CONTENT_LENGTH") or ""
        if announced.strip():
            if announced.strip().isdigit() and int(announced) > limit:
                logger.warning("A body of %s bytes refused: %s", announced, request.path)
                return request_too_large(request)
        elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            body = _read_at_most(request.META["wsgi.input"], limit)
            if body is None:
                logger.warning("A streamed body over %s bytes refused: %s", limit, request.path)
                return request_too_large(request)
            request.META["CONTENT_LENGTH"] = str(len(body))
            request._stream = LimitedStream(io.BytesIO(body), len(body))
        return self.get_response(request)
