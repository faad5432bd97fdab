"""The only resources a report may load: the project's static and media files.

WeasyPrint fetches every URL a document names (stylesheets, images, fonts). User text
ends up in reports, so anything else — http(s), file: outside our folders, large
data: URLs — is refused rather than fetched.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.invalid/"
MAX_DATA_URL = 256 * 1024


class RefusedURL(ValueError):
    pass


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def local_path(url: str) -> Path | None:
    """The file behind a static or media URL of the report, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        return None
    path = unquote(parts.path)
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    media_prefix = "/" + settings.MEDIA_URL.lstrip("/")
    if path.startswith(static_prefix):
        relative = path[len(static_prefix) :]
        if ".." in Path(relative).parts:
            return None
        found = finders.find(relative)
        return Path(found) if found else None
    if path.startswith(media_prefix):
        candidate = Path(settings.MEDIA_ROOT) / path[len(media_prefix) :]
        return candidate if _inside(candidate, Path(settings.MEDIA_ROOT)) else None
    return None


class SafeURLFetcher(URLFetcher):
    """Serve static and media files of the project and small data: URLs; refuse the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            if len(url) > MAX_DATA_URL:
                raise RefusedURL("data: URL too large")
            return super().fetch(url, headers)
        path = local_path(url)
        if path is None or not path.is_file():
            raise RefusedURL(f"refused: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})
