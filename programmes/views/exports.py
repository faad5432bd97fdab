"""The programme as a document the school signs: PDF and DOCX."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from programmes.docx import programme_docx
from programmes.report import school_section
from programmes.views.common import get_profile


def _filename(profile, extension):
    return f"programme-{profile.school_id}-{profile.year}.{extension}"


@login_required
def export_pdf(request, pk):
    profile = get_profile(request.user, pk, perm="programmes.view_programme")
    section = school_section(profile)
    title = _("Programme of transition to effective work")
    data = render_pdf(
        "programmes/pdf.html",
        {"title": title, "generated_at": timezone.now(), "section": section},
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(profile, "pdf")}"'
    return response


@login_required
def export_docx(request, pk):
    profile = get_profile(request.user, pk, perm="programmes.view_programme")
    data = programme_docx(school_section(profile))
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(profile, "docx")}"'
    return response
