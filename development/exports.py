"""XLSX exports of plans' progress and of questionnaire results."""

from io import BytesIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports import XLSX_TYPE as XLSX
from core.exports import sheet_title, write_table


def _sheet(sheet, headers, rows):
    write_table(sheet, headers, rows, header_row=1)


def xlsx_response(workbook, filename):
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def plans_workbook(teachers, year):
    """One row per teacher: their plan of the year and its progress."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Plans %(year)s–%(next)s") % {"year": year, "next": year + 1})
    headers = [
        _("School"),
        _("Teacher"),
        _("Plan state"),
        _("Theme of self-education"),
        _("Items"),
        _("Done"),
        _("Overdue"),
        _("Progress, %"),
    ]
    rows = []
    for teacher in teachers:
        plan = teacher.plan
        if plan is None:
            rows.append(
                [teacher.school.short_name, teacher.full_name, _("No plan"), "", 0, 0, 0, 0]
            )
            continue
        progress = round(100 * plan.done_count / plan.item_count) if plan.item_count else 0
        rows.append(
            [
                teacher.school.short_name,
                teacher.full_name,
                plan.get_status_display(),
                plan.theme,
                plan.item_count,
                plan.done_count,
                plan.overdue_count,
                progress,
            ]
        )
    _sheet(sheet, headers, rows)
    return workbook


def _mean(cell):
    return round(cell.average, 2) if cell.average is not None else None


def questionnaire_workbook(results):
    """Mean difficulty per statement: by school on one sheet, by subject on another."""
    workbook = Workbook()
    by_school = workbook.active
    by_school.title = sheet_title(_("By school"))
    headers = [_("Section"), _("Statement"), _("Municipality")]
    headers += [school.short_name for school in results.schools]
    rows = [
        [d.section.title, d.text, _mean(results.overall_of(d))]
        + [_mean(cell) for cell in results.school_row(d)]
        for d in results.difficulties
    ]
    respondents = [_("Respondents"), "", sum(results.respondents.values())]
    rows.append(respondents + [results.respondents.get(s.pk, 0) for s in results.schools])
    _sheet(by_school, headers, rows)
    by_subject = workbook.create_sheet(sheet_title(_("By subject")))
    headers = [_("Section"), _("Statement")] + [subject.name for subject in results.subjects]
    rows = [
        [d.section.title, d.text] + [_mean(cell) for cell in results.subject_row(d)]
        for d in results.difficulties
    ]
    _sheet(by_subject, headers, rows)
    return workbook
