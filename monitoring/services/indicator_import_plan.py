"""What an indicator file would import: every value it gives, or every bad cell.

A plan is read and checked without writing anything; the preview shows it, and the
import writes it only when it lists no problem.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from core.tabular import Column, TableError, header_key, read_table
from monitoring.models import Indicator, IndicatorValue, Period
from monitoring.services.indicator_sheet import (
    DENOMINATOR,
    INDICATOR,
    LONG,
    NUMERATOR,
    PERIOD,
    SCHOOL,
    VALUE,
    WIDE,
    is_blank,
    normalized,
    parse_cell,
    split_part,
)
from monitoring.services.indicators import IndicatorError, SaveResult, entry_check, rules_check
from schools.models import School


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

    @property
    def key(self):
        return (self.school.pk, self.indicator.pk, self.period.pk)


@dataclass
class ImportPlan:
    form: str = WIDE
    values: list[PlannedValue] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    counts: SaveResult = field(default_factory=SaveResult)
    # The stored values the file would change, by (school, indicator, period) ids.
    existing: dict = field(default_factory=dict, repr=False)


# The columns that locate the header row (below any title rows) and the sheet.
HEADER_COLUMNS = (
    Column("school", SCHOOL, ("ОО", "Образовательная организация", "Наименование ОО")),
    Column("indicator", INDICATOR, ("Код показателя", "Код")),
    Column("period", PERIOD, ("Учебный год",)),
    Column("value", VALUE),
    Column("numerator", NUMERATOR),
    Column("denominator", DENOMINATOR),
)


def import_plan(*, data: bytes, filename: str, period=None) -> ImportPlan:
    """Read the file and check every cell; nothing is written."""
    try:
        table = read_table(data=data, filename=filename, columns=HEADER_COLUMNS)
    except TableError as error:
        raise IndicatorError(str(error)) from error
    planner = _Planner(period, table)
    if table.has("indicator") and table.has("value"):
        planner.plan.form = LONG
        planner.long()
    else:
        if table.at.get("school") != 0:
            raise IndicatorError(
                _(
                    "The first column must be «%(school)s» (wide form), or the file must have "
                    "the columns «%(indicator)s» and «%(value)s» (long form)."
                )
                % {"school": SCHOOL, "indicator": INDICATOR, "value": VALUE}
            )
        planner.wide()
    if not planner.plan.problems:
        planner.cross_check()
    planner.plan.problems.sort(key=lambda p: (p.row, p.column))
    planner.count()
    return planner.plan


class _Planner:
    def __init__(self, period, table):
        self.period = period
        self.table = table
        self.plan = ImportPlan()
        self.schools = {normalized(s.short_name): s for s in School.objects.all()}
        self.indicators = {i.code: i for i in Indicator.objects.filter(is_active=True)}
        # A wide file's column may name its indicator by code or, as exports do, by name.
        self.by_name = {header_key(i.name): i for i in self.indicators.values()}
        self.periods = {normalized(p.name): p for p in Period.objects.all()}
        if period is not None:  # read afresh: it may have been locked meanwhile
            self.period = self.periods.get(normalized(period.name), period)
        self.seen = {}

    def problem(self, row, column, header, message):
        self.plan.problems.append(ImportProblem(row, get_column_letter(column), header, message))

    def school(self, row, column, name):
        school = self.schools.get(normalized(name))
        if school is None:
            self.problem(row, column, SCHOOL, _("Unknown school «%(name)s».") % {"name": name})
        return school

    def indicator(self, row, column, header, code):
        indicator = self.indicators.get(str(code or "").strip())
        if indicator is None:
            indicator = self.by_name.get(header_key(code))
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
            entry = parse_cell(indicator, cell, num, den)
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

    def wide(self):
        headers = [str(h or "").strip() for h in self.table.headers]
        top = self.table.header_row
        if self.period is None:
            raise IndicatorError(_("Choose the period that the wide file holds."))
        columns, parts = {}, defaultdict(dict)
        for number, header in enumerate(headers[1:], start=2):
            if header:
                base, part = split_part(header)
                indicator = self.indicator(top, number, header, base)
                if indicator is not None and part:
                    parts[indicator.pk][part] = number
                elif indicator is not None:
                    columns[number] = indicator

        def at(row, number):
            return row[number - 1] if number and number - 1 < len(row) else None

        for line, row in ((r.number, r.cells) for r in self.table.rows):
            school = self.school(line, 1, row[0])
            if school is None:
                continue
            for number, indicator in columns.items():
                cell = at(row, number)
                num = at(row, parts[indicator.pk].get(NUMERATOR))
                den = at(row, parts[indicator.pk].get(DENOMINATOR))
                if not (is_blank(cell) and is_blank(num) and is_blank(den)):
                    self.add(
                        line,
                        number,
                        headers[number - 1],
                        school,
                        indicator,
                        self.period,
                        cell,
                        num,
                        den,
                    )

    def long(self):
        headers = [str(h or "").strip() for h in self.table.headers]
        at = {normalized(h): i for i, h in enumerate(headers)}
        labels = {SCHOOL: "school", INDICATOR: "indicator", PERIOD: "period", VALUE: "value"}
        labels.update({NUMERATOR: "numerator", DENOMINATOR: "denominator"})
        for label, key in labels.items():
            if self.table.has(key):
                at[normalized(label)] = self.table.at[key]
        need = [SCHOOL, INDICATOR, VALUE] + ([] if self.period else [PERIOD])
        missing = [h for h in need if normalized(h) not in at]
        if missing:
            raise IndicatorError(
                _("The file has no required column: %(columns)s.")
                % {"columns": ", ".join(f"«{c}»" for c in missing)}
            )

        def cell(row, name):
            i = at.get(normalized(name))
            return row[i] if i is not None and i < len(row) else None

        for line, row in ((r.number, r.cells) for r in self.table.rows):
            school = self.school(line, at[normalized(SCHOOL)] + 1, cell(row, SCHOOL))
            indicator = self.indicator(
                line, at[normalized(INDICATOR)] + 1, INDICATOR, cell(row, INDICATOR)
            )
            period = self.period
            if normalized(PERIOD) in at and not is_blank(cell(row, PERIOD)):
                period = self.periods.get(normalized(cell(row, PERIOD)))
                if period is None:
                    self.problem(
                        line,
                        at[normalized(PERIOD)] + 1,
                        PERIOD,
                        _("Unknown period «%(name)s».") % {"name": cell(row, PERIOD)},
                    )
            if school is None or indicator is None or period is None:
                continue
            value = cell(row, VALUE)
            num, den = cell(row, NUMERATOR), cell(row, DENOMINATOR)
            if is_blank(value) and is_blank(num) and is_blank(den):
                self.problem(line, at[normalized(VALUE)] + 1, VALUE, _("This value is required."))
                continue
            self.add(
                line, at[normalized(VALUE)] + 1, VALUE, school, indicator, period, value, num, den
            )

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
        self.plan.existing = {
            (v.school_id, v.indicator_id, v.period_id): v
            for v in IndicatorValue.objects.filter(
                period__in={p.period.pk for p in self.plan.values}
            )
        }
        for planned in self.plan.values:
            row = self.plan.existing.get(planned.key)
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
