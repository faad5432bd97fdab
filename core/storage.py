"""Storage for files that only a permission-checked view may hand out.

The files live beside MEDIA_ROOT, not under it, so that no public URL (and not the
development server's MEDIA_URL either) can reach them.
"""

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
