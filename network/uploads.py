"""What may be attached as evidence: PDF, DOCX, XLSX, JPG and PNG up to 10 MB.

The extension must be one of those and the first bytes must agree with it, so that
a renamed program or web page is not stored as "a PDF".
"""

import zipfile
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .errors import NetworkError

MAX_SIZE = 10 * 1024 * 1024
ALLOWED = {
    ".pdf": "PDF",
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".jpg": "JPG",
    ".jpeg": "JPG",
    ".png": "PNG",
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def _looks_like(suffix, upload):
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if suffix == ".pdf":
        return head.startswith(b"%PDF-")
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix == ".png":
        return head == b"\x89PNG\r\n\x1a\n"
    # DOCX and XLSX are ZIP packages with a known part inside.
    part = "word/document.xml" if suffix == ".docx" else "xl/workbook.xml"
    try:
        with zipfile.ZipFile(upload) as package:
            return part in package.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def check_evidence(upload) -> None:
    """Refuse a file that is empty, too large or not one of the allowed types."""
    name = Path(upload.name or "").name
    if not upload.size:
        raise NetworkError(_("The file «%(name)s» is empty.") % {"name": name})
    if upload.size > MAX_SIZE:
        raise NetworkError(
            _("The file «%(name)s» is %(size)s; files up to 10 MB are accepted.")
            % {"name": name, "size": filesizeformat(upload.size)}
        )
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED:
        raise NetworkError(
            _(
                "The file «%(name)s» cannot be attached: "
                "only PDF, DOCX, XLSX, JPG and PNG are accepted."
            )
            % {"name": name}
        )
    if not _looks_like(suffix, upload):
        raise NetworkError(
            _("The file «%(name)s» is not a real %(kind)s file: it may be damaged or renamed.")
            % {"name": name, "kind": ALLOWED[suffix]}
        )


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
