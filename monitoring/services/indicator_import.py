"""Import and export of indicator values in the forms that centres keep.

Wide form: one row per school, one column per indicator code, for one period chosen on
upload. Long form: one row per value: school, indicator code, period, value (and, for a
share, optionally numerator and denominator). XLSX, or CSV in UTF-8 or Windows-1251.
A share may also be written "45/50" (numerator/denominator) in a cell.

The preview lists every bad cell with its row, column and a Russian reason; a file with
any problem imports nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from core.spreadsheets import CSV, XLSX, SpreadsheetError, read_rows
from monitoring.models import Indicator, IndicatorValue, Period
from monitoring.services.indicators import (
    Entry,
    IndicatorError,
    SaveResult,
    entry_check,
    period_check_open,
    rules_check,
    to_decimal,
    value_write,
)
from schools.models import School

SCHOOL = "Школа"
INDICATOR = "Показатель"
PERIOD = "Период"
VALUE = "Значение"
NUMERATOR = "Числитель"
DENOMINATOR = "Знаменатель"
LONG_HEADERS = [SCHOOL, INDICATOR, PERIOD, VALUE, NUMERATOR, DENOMINATOR]
WIDE, LONG = "wide", "long"


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str  # the spreadsheet letter, e.g. "C"
    header: str
    message: str


@dataclass(frozen=True)
class PlannedValue:
    row: int
    column: str
    header: str
    school: School
    indicator: Indicator
    period: Period
    value: object
    numerator: object = None
    denominator: object = None


@dataclass
class ImportPlan:
    form: str = WIDE
    values: list[PlannedValue] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    counts: SaveResult = field(default_factory=SaveResult)


class IndicatorImportError(IndicatorError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(_("The file has errors; nothing was imported."))


def _norm(text) -> str:
    return " ".join(str(text or "").split()).lower().replace("ё", "е")


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _parse_cell(indicator, cell, numerator=None, denominator=None) -> Entry:
    if not _blank(numerator) or not _blank(denominator):
        return Entry(
            numerator=None if _blank(numerator) else to_decimal(numerator),
            denominator=None if _blank(denominator) else to_decimal(denominator),
        )
    text = str(cell).strip()
    if "/" in text and indicator.is_percent:
        num, _sep, den = text.partition("/")
        return Entry(numerator=to_decimal(num), denominator=to_decimal(den))
    return Entry(value=to_decimal(cell))


class _Planner:
    def __init__(self, period):
        self.period = period
        self.plan = ImportPlan()
        self.schools = {_norm(s.short_name): s for s in School.objects.all()}
        self.indicators = {i.code: i for i in Indicator.objects.filter(is_active=True)}
        self.periods = {_norm(p.name): p for p in Period.objects.all()}
        if period is not None:  # read afresh: it may have been locked meanwhile
            self.period = self.periods.get(_norm(period.name), period)
        self.seen = {}

    def problem(self, row, column, header, message):
        self.plan.problems.append(ImportProblem(row, get_column_letter(column), header, message))

    def school(self, row, column, name):
        school = self.schools.get(_norm(name))
        if school is None:
            self.problem(row, column, SCHOOL, _("Unknown school «%(name)s».") % {"name": name})
        return school

    def indicator(self, row, column, header, code):
        indicator = self.indicators.get(str(code or "").strip())
        if indicator is None:
            self.problem(
                row, column, header, _("Unknown indicator code «%(code)s».") % {"code": code}
            )
        elif indicator.is_computed:
            self.problem(
                row,
                column,
                header,
                _("«%(code)s» is computed by the portal and cannot be imported.")
                % {"code": indicator.code},
            )
            return None
        return indicator

    def add(self, row, column, header, school, indicator, period, cell, num=None, den=None):
        if period.is_locked:
            self.problem(
                row,
                column,
                header,
                _("The period %(period)s is locked.") % {"period": period.name},
            )
            return
        key = (school.pk, indicator.pk, period.pk)
        if key in self.seen:
            self.problem(
                row,
                column,
                header,
                _("The same value is already given in row %(row)s.") % {"row": self.seen[key]},
            )
            return
        self.seen[key] = row
        try:
            entry = _parse_cell(indicator, cell, num, den)
        except ValueError as error:
            self.problem(row, column, header, str(error))
            return
        value, reason = entry_check(indicator, entry)
        if reason:
            self.problem(row, column, header, reason)
            return
        self.plan.values.append(
            PlannedValue(
                row,
                get_column_letter(column),
                header,
                school,
                indicator,
                period,
                value,
                entry.numerator,
                entry.denominator,
            )
        )

    def wide(self, rows):
        headers = [str(h or "").strip() for h in rows[0]]
        if self.period is None:
            raise IndicatorError(_("Choose the period that the wide file holds."))
        columns = {}
        for number, header in enumerate(headers[1:], start=2):
            if header:
                indicator = self.indicator(1, number, header, header)
                if indicator is not None:
                    columns[number] = indicator
        for line, row in enumerate(rows[1:], start=2):
            if all(_blank(c) for c in row):
                continue
            school = self.school(line, 1, row[0])
            if school is None:
                continue
            for number, indicator in columns.items():
                cell = row[number - 1] if number - 1 < len(row) else None
                if not _blank(cell):
                    self.add(
                        line, number, headers[number - 1], school, indicator, self.period, cell
                    )

    def long(self, rows):
        headers = [str(h or "").strip() for h in rows[0]]
        at = {_norm(h): i for i, h in enumerate(headers)}
        need = [SCHOOL, INDICATOR, VALUE] + ([] if self.period else [PERIOD])
        missing = [h for h in need if _norm(h) not in at]
        if missing:
            raise IndicatorError(
                _("The file has no required column: %(columns)s.")
                % {"columns": ", ".join(f"«{c}»" for c in missing)}
            )

        def cell(row, name):
            i = at.get(_norm(name))
            return row[i] if i is not None and i < len(row) else None

        for line, row in enumerate(rows[1:], start=2):
            if all(_blank(c) for c in row):
                continue
            school = self.school(line, at[_norm(SCHOOL)] + 1, cell(row, SCHOOL))
            indicator = self.indicator(
                line, at[_norm(INDICATOR)] + 1, INDICATOR, cell(row, INDICATOR)
            )
            period = self.period
            if _norm(PERIOD) in at and not _blank(cell(row, PERIOD)):
                period = self.periods.get(_norm(cell(row, PERIOD)))
                if period is None:
                    self.problem(
                        line,
                        at[_norm(PERIOD)] + 1,
                        PERIOD,
                        _("Unknown period «%(name)s».") % {"name": cell(row, PERIOD)},
                    )
            if school is None or indicator is None or period is None:
                continue
            value = cell(row, VALUE)
            num, den = cell(row, NUMERATOR), cell(row, DENOMINATOR)
            if _blank(value) and _blank(num) and _blank(den):
                self.problem(line, at[_norm(VALUE)] + 1, VALUE, _("This value is required."))
                continue
            self.add(line, at[_norm(VALUE)] + 1, VALUE, school, indicator, period, value, num, den)

    def cross_check(self):
        """Winners ≤ participants and the like, over the file merged with stored values."""
        groups = defaultdict(dict)
        for planned in self.plan.values:
            groups[(planned.school.pk, planned.period.pk)][planned.indicator.code] = planned
        stored = defaultdict(dict)
        for s, p, code, value in IndicatorValue.objects.filter(
            school_id__in={k[0] for k in groups}, period_id__in={k[1] for k in groups}
        ).values_list("school_id", "period_id", "indicator__code", "value"):
            stored[(s, p)][code] = value
        for key, planned in groups.items():
            values = dict(stored[key])
            values.update({code: p.value for code, p in planned.items()})
            for code, message in rules_check(values, self.indicators).items():
                where = planned.get(code) or next(iter(planned.values()))
                self.plan.problems.append(
                    ImportProblem(where.row, where.column, where.header, message)
                )

    def count(self):
        existing = {
            (v.school_id, v.indicator_id, v.period_id): v
            for v in IndicatorValue.objects.filter(
                period__in={p.period.pk for p in self.plan.values}
            )
        }
        self.existing = existing
        for planned in self.plan.values:
            row = existing.get((planned.school.pk, planned.indicator.pk, planned.period.pk))
            if row is None:
                self.plan.counts.created += 1
            elif (row.value, row.numerator, row.denominator, row.source) == (
                planned.value,
                planned.numerator,
                planned.denominator,
                Indicator.Source.IMPORTED,
            ):
                self.plan.counts.unchanged += 1
            else:
                self.plan.counts.updated += 1


def indicator_import_preview(*, data: bytes, filename: str, period=None) -> ImportPlan:
    """Read the file and check every cell; nothing is written."""
    return _plan(data, filename, period)[0]


def _plan(data, filename, period):
    try:
        rows = read_rows(data, filename)
    except SpreadsheetError as error:
        raise IndicatorError(str(error)) from error
    rows = [r for r in rows if r is not None]
    if not rows or all(_blank(c) for c in rows[0]):
        raise IndicatorError(_("The file is empty."))
    planner = _Planner(period)
    headers = {_norm(h) for h in rows[0]}
    if _norm(INDICATOR) in headers and _norm(VALUE) in headers:
        planner.plan.form = LONG
        planner.long(rows)
    else:
        if _norm(rows[0][0]) != _norm(SCHOOL):
            raise IndicatorError(
                _(
                    "The first column must be «%(school)s» (wide form), or the file must have "
                    "the columns «%(indicator)s» and «%(value)s» (long form)."
                )
                % {"school": SCHOOL, "indicator": INDICATOR, "value": VALUE}
            )
        planner.wide(rows)
    if not planner.plan.problems:
        planner.cross_check()
    planner.plan.problems.sort(key=lambda p: (p.row, p.column))
    planner.count()
    return planner.plan, planner


@transaction.atomic
def indicator_import_apply(*, data: bytes, filename: str, period=None, by) -> SaveResult:
    """Import the file: every value or none; answer the created / updated / unchanged counts."""
    plan, planner = _plan(data, filename, period)
    if plan.problems:
        raise IndicatorImportError(plan.problems)
    # Hold the periods so that none is locked while the file is written.
    periods = Period.objects.select_for_update().filter(pk__in={p.period.pk for p in plan.values})
    for held in periods:
        period_check_open(held)
    result = SaveResult()
    for planned in plan.values:
        outcome = value_write(
            indicator=planned.indicator,
            school_id=planned.school.pk,
            period=planned.period,
            value=planned.value,
            numerator=planned.numerator,
            denominator=planned.denominator,
            source=Indicator.Source.IMPORTED,
            by=by,
            existing=planner.existing.get(
                (planned.school.pk, planned.indicator.pk, planned.period.pk)
            ),
        )
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _cell(number):
    if number is None:
        return ""
    return float(number) if number != number.to_integral_value() else int(number)


def indicator_export(*, period=None, form=WIDE, file_format="xlsx") -> bytes:
    """Every stored value (of one period for the wide form), in the form it is imported in."""
    rows = IndicatorValue.objects.select_related("school", "indicator", "period").order_by(
        "period__starts_on", "school__short_name", "indicator__order"
    )
    if period is not None:
        rows = rows.filter(period=period)
    dataset = tablib.Dataset()
    if form == LONG:
        dataset.headers = LONG_HEADERS
        for v in rows:
            dataset.append(
                [
                    v.school.short_name,
                    v.indicator.code,
                    v.period.name,
                    _cell(v.value),
                    _cell(v.numerator),
                    _cell(v.denominator),
                ]
            )
    else:
        indicators = list(
            Indicator.objects.filter(is_active=True).exclude(source=Indicator.Source.COMPUTED)
        )
        dataset.headers = [SCHOOL] + [i.code for i in indicators]
        table = defaultdict(dict)
        for v in rows:
            # A share keeps its parts as "45/50", so that the file imports back unchanged.
            parts = v.numerator is not None and v.denominator is not None
            whole = f"{_cell(v.numerator)}/{_cell(v.denominator)}" if parts else None
            table[v.school.short_name][v.indicator_id] = whole or _cell(v.value)
        for name in sorted(table):
            dataset.append([name] + [table[name].get(i.pk, "") for i in indicators])
    if file_format == "csv":
        return CSV().export_data(dataset).encode("utf-8")
    return XLSX().export_data(dataset)
