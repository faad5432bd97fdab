"""Stored files handed out by the views that check who asks.

A file the database names may be gone from the disk (media not restored with the
database, a clean-up by hand): its view answers 404, like any file the reader may not
have, instead of a server error, and the log names the missing file for the operator.
"""

import logging
from pathlib import Path

from django.http import FileResponse, Http404

from core.uploads import content_type_of

log = logging.getLogger(__name__)


def open_stored(field_file):
    """The stored file, open for reading; Http404 when there is none or it is gone."""
    if not field_file:
        raise Http404
    try:
        return field_file.open("rb")
    except FileNotFoundError as error:
        log.warning("A stored file is missing from the storage: %s", field_file.name)
        raise Http404 from error


def private_attachment(field_file, filename=None):
    """Hand out a stored file as an attachment, never rendered by the browser."""
    handle = open_stored(field_file)
    filename = filename or Path(field_file.name).name
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type_of(filename)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
