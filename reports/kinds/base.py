"""What each kind of report needs, who may order it, and how its files are built.

Every kind is a ReportKind: it cleans the parameters a user sent (refusing what the
user may not ask for), names the report, and renders it. The registry KINDS is what
services, views and the make_report command look up.

A kind built as a Document (``document``) gets its PDF and its DOCX from it, so the two
copies hold the same sections and numbers; a kind with ``annex`` also produces an XLSX
with the per-school detail.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.pdf import render_pdf
from reports.document import Approval, Document
from reports.document.docx import document_docx

DOCUMENT_TEMPLATE = "reports/pdf/document.html"


class ReportDataError(DomainError):
    """The report cannot be built from these parameters; the message is for the user."""


@dataclass(frozen=True)
class Files:
    pdf: bytes
    docx: bytes | None = None
    annex: bytes | None = None


@dataclass(frozen=True)
class ReportKind:
    key: str
    clean: Callable  # (params: dict, user) -> dict, raises ReportDataError
    title: Callable  # (params: dict) -> str
    subject: Callable  # (params: dict) -> str, the PDF's Subject
    template: str = DOCUMENT_TEMPLATE
    context: Callable | None = None  # (params) -> dict, for a kind with its own template
    document: Callable | None = None  # (params) -> Document, raises ReportDataError
    annex: Callable | None = None  # (params) -> XLSX bytes

    def render(self, params: dict) -> bytes:
        return self.render_files(params).pdf

    def render_files(self, params: dict) -> Files:
        subject = self.subject(params)
        if self.document is None:
            return Files(pdf=render_pdf(self.template, self.context(params), subject=subject))
        document = self.document(params).numbered()
        pdf = render_pdf(
            DOCUMENT_TEMPLATE,
            {"title": document.title, "document": document, "generated_at": timezone.localtime()},
            subject=subject,
        )
        return Files(
            pdf=pdf,
            docx=document_docx(document),
            annex=self.annex(params) if self.annex else None,
        )


def approval(signed_on=None) -> Approval:
    """The centre head approves; the education office's head agrees (from settings)."""
    return Approval(
        approve_position=settings.PORTAL_CENTRE_HEAD_POSITION,
        approve_name=settings.PORTAL_CENTRE_HEAD_NAME,
        agree_position=settings.PORTAL_REPORT_AGREED_POSITION,
        agree_name=settings.PORTAL_REPORT_AGREED_NAME,
        signed_on=signed_on,
    )


def new_document(title, subtitle) -> Document:
    return Document(
        title=title, centre=settings.PORTAL_CENTRE_NAME, subtitle=subtitle, approval=approval()
    )


def int_param(params, name, label):
    value = params.get(name)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ReportDataError(_("Choose %(what)s.") % {"what": label}) from None


KINDS: dict[str, ReportKind] = {}


def register(kind: ReportKind):
    KINDS[kind.key] = kind
    return kind
