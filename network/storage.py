"""Storage for files that only a permission-checked view may hand out.

The files live beside MEDIA_ROOT, not under it, so that no public URL (and not the
development server's MEDIA_URL either) can reach them.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        if configured:
            return str(configured)
        media = Path(settings.MEDIA_ROOT)
        return str(media.parent / f"{media.name}_private")

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view.")


_storage = PrivateStorage()


def private_storage():
    return _storage


def _upload_to(folder, filename):
    suffix = Path(filename).suffix.lower()
    return f"network/{folder}/{uuid.uuid4().hex}{suffix}"


def evidence_path(instance, filename):
    """A random name, so that a file's address says nothing about its content."""
    return _upload_to("evidence", filename)


def agreement_path(instance, filename):
    return _upload_to("agreements", filename)
