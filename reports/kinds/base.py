"""What each kind of report needs, who may order it, and how its PDF is built.

Every kind is a ReportKind: it cleans the parameters a user sent (refusing what the
user may not ask for), names the report, and renders it. The registry KINDS is what
services, views and the make_report command look up.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.errors import DomainError
from core.pdf import render_pdf


class ReportDataError(DomainError):
    """The report cannot be built from these parameters; the message is for the user."""


@dataclass(frozen=True)
class ReportKind:
    key: str
    template: str
    clean: Callable  # (params: dict, user) -> dict, raises ReportDataError
    title: Callable  # (params: dict) -> str
    context: Callable  # (params: dict) -> dict, raises ReportDataError

    def render(self, params: dict) -> bytes:
        return render_pdf(self.template, self.context(params))


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
