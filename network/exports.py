"""A roadmap as an XLSX workbook: one sheet per partnership, one row per activity."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.exports import sheet_title, write_table
from core.spreadsheets import append_row
from network.models import Activity, Partnership, Stage

# A partnership's details fill the first rows; the activities' header comes after them.
HEADER_ROW = 7


def _sheet_title(partnership, used):
    title = sheet_title(partnership.title or _("Roadmap"), used)
    used.add(title)
    return title


def roadmap_workbook(partnerships) -> bytes:
    """Export the roadmaps of the given partnerships; cells never run as formulas."""
    partnerships = (
        Partnership.objects.filter(pk__in=[p.pk for p in partnerships])
        .select_related("leader")
        .prefetch_related("schools")
    )
    stages = {
        stage.pk: stage for stage in Stage.objects.filter(roadmap__partnership__in=partnerships)
    }
    activities = (
        Activity.objects.filter(stage__in=list(stages))
        .select_related("responsible_school", "problem")
        .order_by("stage__number", "due_on", "pk")
    )
    by_roadmap = {}
    for activity in activities:
        stage = stages[activity.stage_id]
        by_roadmap.setdefault(stage.roadmap_id, []).append((stage, activity))

    book = Workbook()
    book.remove(book.active)
    used = set()
    headers = [
        _("Stage"),
        _("Stage state"),
        _("Activity"),
        _("Form of interaction"),
        _("Problem addressed"),
        _("Responsible school"),
        _("Responsible person"),
        _("Due date"),
        _("State"),
        _("Overdue"),
        _("Result"),
        _("Completed on"),
        _("Evidence"),
    ]
    for partnership in partnerships:
        sheet = book.create_sheet(_sheet_title(partnership, used))
        schools = ", ".join(s.short_name for s in partnership.schools.all())
        append_row(sheet, [partnership.title])
        sheet["A1"].font = Font(bold=True, size=13)
        append_row(sheet, [_("Leader school"), partnership.leader.short_name])
        append_row(sheet, [_("Supported schools"), schools])
        append_row(sheet, [_("Interaction model"), partnership.get_model_display()])
        append_row(sheet, [_("Shared goal"), partnership.goal])
        append_row(sheet, [])
        rows = []
        for stage, activity in by_roadmap.get(partnership.pk, []):
            row = [
                f"{stage.number}. {stage.get_kind_display()}",
                stage.get_state_display(),
                activity.title,
                activity.get_form_display(),
                activity.problem.title if activity.problem else "",
                activity.responsible_school.short_name,
                activity.responsible_person,
                activity.due_on,
                activity.get_state_display(),
                _("yes") if activity.is_overdue else "",
                activity.result,
                activity.completed_on,
                activity.evidence_name or activity.evidence_link,
            ]
            rows.append(row)
        write_table(sheet, headers, rows, header_row=HEADER_ROW)
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if not book.worksheets:
        book.create_sheet(_("Roadmap"))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
