"""The programme as a Word document (python-docx) that the school signs."""

from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document

from core.formats import decimal_comma


def programme_docx(section) -> bytes:
    profile = section["profile"]
    programme = section["programme"]
    document = Document()
    document.add_paragraph(settings.PORTAL_CENTRE_NAME)
    document.add_heading(_("Programme of transition to effective work"), level=0)
    document.add_paragraph(f"{profile.school.full_name} · {profile.academic_year}")
    document.add_heading(_("Goal of the development concept"), level=1)
    document.add_paragraph(programme.goal or "—")

    document.add_heading(_("Risk profile"), level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        [_("Risk factor"), _("Level"), _("Applies"), _("Justification")],
        strict=True,
    ):
        cell.text = text
    for assessment in section["assessments"]:
        cells = table.add_row().cells
        cells[0].text = assessment.risk_factor.name
        cells[1].text = assessment.get_level_display() or "—"
        cells[2].text = _("yes") if assessment.applies else _("no")
        cells[3].text = assessment.justification

    for risk in section["risks"]:
        document.add_heading(str(risk.assessment.risk_factor), level=1)
        document.add_paragraph(f"{_('Goal')}: {risk.goal or '—'}")
        if risk.tasks:
            document.add_paragraph(f"{_('Tasks')}: {risk.tasks}")
        table = document.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        headers = [
            _("Measure"),
            _("Module"),
            _("Deadline"),
            _("Responsible person"),
            _("Indicator and target"),
            _("State"),
        ]
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
        for measure in risk.measures.all():
            cells = table.add_row().cells
            cells[0].text = measure.title
            cells[1].text = measure.get_module_display()
            cells[2].text = measure.due_on.strftime("%d.%m.%Y")
            cells[3].text = measure.responsible
            target = decimal_comma(measure.target, empty="")
            cells[4].text = f"{measure.indicator} {target}".strip() or "—"
            cells[5].text = measure.get_shown_state_display()

    document.add_paragraph()
    document.add_paragraph(
        f"{_('Director')}: ____________________ / {profile.school.director_name}"
    )
    document.add_paragraph(f"{_('Date')}: «____» ____________ 20___")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
