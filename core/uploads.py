"""The one check of every uploaded file: its size, its extension, and its content.

The extension must be one the caller accepts and the first bytes must agree with it,
so that a renamed program or web page is not stored as "a PDF".
"""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.errors import DomainError


class UploadError(DomainError):
    """A file that may not be stored."""


MB = 1024 * 1024
MAX_SIZE = 10 * MB

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old Word, Excel, PowerPoint files
# extension → (the name users know, how to recognise its first bytes or parts, content type)
KINDS = {
    ".pdf": ("PDF", b"%PDF-", "application/pdf"),
    ".jpg": ("JPG", b"\xff\xd8\xff", "image/jpeg"),
    ".jpeg": ("JPG", b"\xff\xd8\xff", "image/jpeg"),
    ".png": ("PNG", b"\x89PNG\r\n\x1a\n", "image/png"),
    ".rtf": ("RTF", b"{\\rtf", "application/rtf"),
    ".doc": ("DOC", OLE2, "application/msword"),
    ".xls": ("XLS", OLE2, "application/vnd.ms-excel"),
    ".ppt": ("PPT", OLE2, "application/vnd.ms-powerpoint"),
    ".docx": (
        "DOCX",
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (
        "XLSX",
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".pptx": (
        "PPTX",
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ".odt": ("ODT", "content.xml", "application/vnd.oasis.opendocument.text"),
    ".zip": ("ZIP", "", "application/zip"),
}
EVIDENCE = (".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png")
DOCUMENTS = (*EVIDENCE, ".doc", ".odt", ".rtf", ".ppt", ".pptx", ".xls", ".zip")


def _looks_like(suffix, upload) -> bool:
    signature = KINDS[suffix][1]
    upload.seek(0)
    try:
        if isinstance(signature, bytes):
            return upload.read(len(signature)) == signature
        # Office Open XML, OpenDocument and ZIP are ZIP packages, with a known part inside.
        with zipfile.ZipFile(upload) as package:
            return not signature or signature in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _names(suffixes) -> str:
    """«PDF, DOCX и PNG»."""
    names = list(dict.fromkeys(KINDS[suffix][0] for suffix in suffixes))
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def check_upload(upload, *, allowed=EVIDENCE, max_size=MAX_SIZE) -> None:
    """Refuse a file that is empty, too large, of a type not allowed, or not what it claims."""
    name = Path(upload.name or "").name
    if not upload.size:
        raise UploadError(_("The file «%(name)s» is empty.") % {"name": name})
    if upload.size > max_size:
        raise UploadError(
            _("The file «%(name)s» is %(size)s; files up to %(limit)s MB are accepted.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": max_size // MB}
        )
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise UploadError(
            _("The file «%(name)s» cannot be attached: only %(kinds)s are accepted.")
            % {"name": name, "kinds": _names(allowed)}
        )
    if not _looks_like(suffix, upload):
        raise UploadError(
            _("The file «%(name)s» is not a real %(kind)s file: it may be damaged or renamed.")
            % {"name": name, "kind": KINDS[suffix][0]}
        )


def validate_upload(upload, *, allowed=EVIDENCE, max_size=MAX_SIZE):
    """``check_upload`` for a form's ``clean_<field>``: a refusal is a ValidationError."""
    try:
        check_upload(upload, allowed=allowed, max_size=max_size)
    except UploadError as error:
        raise ValidationError(str(error)) from error
    return upload


def content_type_of(name: str) -> str:
    kind = KINDS.get(Path(name).suffix.lower())
    return kind[2] if kind else "application/octet-stream"
