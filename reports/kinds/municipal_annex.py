"""The municipal report's XLSX annex: every school's values, the warnings, the partnerships.

Written row by row (openpyxl's write-only mode) from querysets read in chunks, so 2,000
schools cost what 20 do, times the rows.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.spreadsheets import escape_formula
from monitoring.models import IndicatorValue
from monitoring.selectors.warnings import early_warnings
from reports.kinds.municipal_indicators import indicators
from reports.kinds.municipal_sections import active_partnerships, stage_label
from reports.kinds.period_facts import Scope, category_of_year
from reports.kinds.roadmap_facts import network_then
from schools.models import School


def _sheet(book, title, headers):
    sheet = book.create_sheet(title[:31])
    sheet.append([str(h) for h in headers])
    return sheet


def _row(values):
    return [escape_formula(v) if isinstance(v, str) else v for v in values]


def municipal_annex(scope: Scope) -> bytes:
    book = Workbook(write_only=True)
    found = indicators()
    values = {}
    published = (
        IndicatorValue.objects.published()
        .filter(period=scope.period, indicator__in=found)
        .values_list("school_id", "indicator_id", "value")
    )
    for school_id, indicator_id, value in published.iterator(chunk_size=10000):
        values[(school_id, indicator_id)] = float(value)
    headers = [_("School"), _("Full name"), _("Settlement"), _("Category")]
    headers += [f"{i.name}{', %' if i.is_percent else ''}" for i in found]
    sheet = _sheet(book, _("Indicators by school"), headers)
    schools = (
        School.objects.annotate(then=category_of_year(scope.year))
        .order_by("sort_name")
        .values_list("pk", "short_name", "full_name", "settlement", "then")
    )
    for pk, short, full, settlement, category in schools.iterator(chunk_size=2000):
        row = [short, full, settlement, str(School.Category(category).label)]
        row += [values.get((pk, i.pk)) for i in found]
        sheet.append(_row(row))

    sheet = _sheet(book, _("Early warnings"), [_("School"), _("Warning"), _("Details")])
    for warning in early_warnings(period=scope.period, today=scope.as_of):
        sheet.append(_row([warning.school.short_name, str(warning.kind.label), warning.text]))

    sheet = _sheet(
        book,
        _("Partnerships"),
        [_("Partnership"), _("Leader school"), _("Current stage"), _("Start"), _("End")],
    )
    active = active_partnerships(scope)
    stage_of = network_then(scope, active).stage_of
    for p in active.select_related("leader").order_by("title").iterator(chunk_size=1000):
        stage = stage_label(stage_of[p.pk])
        sheet.append(_row([p.title, p.leader.short_name, str(stage), p.starts_on, p.ends_on]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
