"""What an indicator file would import: every value it gives, or every problem at once.

A plan is read (``core.tabular``, ``core.cells``) and checked without writing anything.
Its problems are ``core.import_errors.Problem``: Excel's row number, the header as the
file writes it, the cell as the user sees it and the Russian reason. Lookups and the
stored values the file may change are loaded once per file, never once per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.imports import progress_rows
from core import cells
from core.formats import decimal_comma
from core.import_changes import Change
from core.import_errors import Problem, sorted_problems
from core.tabular import Table, TableError, header_key, is_blank, read_table
from monitoring.models import Indicator, IndicatorValue, Period
from monitoring.services.indicator_sheet import (
    DENOMINATOR,
    HEADER_COLUMNS,
    INDICATOR,
    LONG,
    NUMERATOR,
    SCHOOL,
    VALUE,
    WIDE,
    parse_cell,
    split_part,
)
from monitoring.services.indicators import IndicatorError, SaveResult, entry_check, rules_check
from schools.models import School


@dataclass(frozen=True)
class PlannedValue:
    row: int  # Excel's row number
    header: str  # the header of the cell that gives the value, as the file writes it
    shown: str  # that cell as the user sees it
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
    table: Table | None = None
    values: list[PlannedValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: SaveResult = field(default_factory=SaveResult)
    new: list[PlannedValue] = field(default_factory=list)
    # (the stored IndicatorValue, the PlannedValue that changes it, its Change)
    changed: list = field(default_factory=list, repr=False)

    @property
    def changes(self):
        return [change for _stored, _planned, change in self.changed]


def import_plan(
    *, data: bytes, filename: str, period=None, sheet=None, progress=None
) -> ImportPlan:
    """Read the file and check every cell; nothing is written.

    ``progress(done, total)`` hears of the rows checked, every few rows.
    """
    try:
        table = read_table(data=data, filename=filename, columns=HEADER_COLUMNS, sheet=sheet)
    except TableError as error:
        raise IndicatorError(str(error)) from error
    planner = _Planner(period, table, progress)
    if table.has("indicator"):
        planner.plan.form = LONG
        planner.long()
    elif table.has("school"):
        planner.wide()
    else:
        raise IndicatorError(
            _(
                "The file has no column «%(school)s». A wide file has it and one column per "
                "indicator; a long file has the columns «%(school)s», «%(indicator)s» and "
                "«%(value)s»."
            )
            % {"school": SCHOOL, "indicator": INDICATOR, "value": VALUE}
        )
    planner.finish()
    return planner.plan


class _Planner:
    def __init__(self, period, table, progress=None):
        self.table = table
        self.progress = progress
        self.plan = ImportPlan(table=table)
        self.schools = {
            cells.choice_key(s.short_name): s for s in School.objects.only("pk", "short_name")
        }
        self.indicators = {i.code: i for i in Indicator.objects.filter(is_active=True)}
        # A column or cell may name its indicator by code or, as the export does, by name.
        self.by_key = {header_key(i.name): i for i in self.indicators.values()}
        self.by_key.update({header_key(i.code): i for i in self.indicators.values()})
        self.periods = {cells.choice_key(p.name): p for p in Period.objects.all()}
        self.period = period
        if period is not None:  # read afresh: it may have been locked meanwhile
            self.period = self.periods.get(cells.choice_key(period.name), period)
        self.pending = []  # (repeat group, PlannedValue)
        self.groups = defaultdict(dict)  # repeat group → {row number: (header, cell)}

    def problem(self, number, header, cell, message):
        self.plan.problems.append(Problem(number, header, cells.shown(cell), str(message)))

    def cell(self, row, key):
        """(header as written, cell) of a named column; None if the file lacks it."""
        if not self.table.has(key):
            return None
        return self.table.header(key), self.table.value(row, key)

    # Lookups: the object a cell names, or None after noting a problem.

    def school(self, number, header, cell):
        name = cells.text(cell)
        if not name:
            self.problem(number, header, cell, _("This value is required."))
            return None
        school = self.schools.get(cells.choice_key(name))
        if school is None:
            self.problem(number, header, cell, _("Unknown school «%(name)s».") % {"name": name})
        return school

    def indicator(self, number, header, cell, code=None):
        """The indicator a cell names (``code``: what names it, if not the whole cell)."""
        code = cells.text(cell if code is None else code)
        if not code:
            self.problem(number, header, cell, _("This value is required."))
            return None
        indicator = self.indicators.get(code) or self.by_key.get(header_key(code))
        if indicator is None:
            self.problem(
                number, header, cell, _("Unknown indicator code «%(code)s».") % {"code": code}
            )
        elif indicator.is_computed:
            self.problem(
                number,
                header,
                cell,
                _("«%(code)s» is computed by the portal and cannot be imported.")
                % {"code": indicator.code},
            )
            return None
        return indicator

    def period_of(self, number, where):
        """The row's period: its «Период» cell, or the period chosen on upload."""
        header, cell = where or ("", None)
        name = cells.text(cell)
        if not name:
            if self.period is None:
                self.problem(number, header, cell, _("This value is required."))
            period = self.period
        else:
            period = self.periods.get(cells.choice_key(name))
            if period is None:
                self.problem(number, header, cell, _("Unknown period «%(name)s».") % {"name": name})
        if period is not None and period.is_locked:
            self.problem(
                number,
                header if name else "",
                cell if name else None,
                _("The period %(period)s is locked.") % {"period": period.name},
            )
            return None
        return period

    def entry(self, number, indicator, value, numerator=None, denominator=None):
        """The value to store and its entry, from (header, cell) pairs; None after a problem."""
        parts = [p for p in (numerator, denominator) if p is not None]
        if any(not is_blank(cell) for _header, cell in parts):
            bad = False
            for header, cell in parts:
                try:
                    cells.number(cell)
                except cells.CellError as error:
                    self.problem(number, header, cell, error)
                    bad = True
            if bad:
                return None
            where = next(p for p in parts if not is_blank(p[1]))
        else:
            where = value
        try:
            entry = parse_cell(
                indicator,
                value[1] if value else None,
                numerator[1] if numerator else None,
                denominator[1] if denominator else None,
            )
        except cells.CellError as error:
            self.problem(number, *where, error)
            return None
        stored, reason = entry_check(indicator, entry)
        if reason:
            self.problem(number, *where, reason)
            return None
        return where, stored, entry

    def add(self, number, group, school, indicator, period, checked):
        """Plan a checked entry of a row whose school and period are known."""
        if checked is None or school is None or period is None:
            return
        (header, cell), stored, entry = checked
        planned = PlannedValue(
            number,
            header,
            cells.shown(cell),
            school,
            indicator,
            period,
            stored,
            entry.numerator,
            entry.denominator,
        )
        self.pending.append((group, planned))

    # The two forms.

    def wide(self):
        table = self.table
        school_at = table.at["school"]
        period_at = table.at.get("period")
        if self.period is None and period_at is None:
            raise IndicatorError(_("Choose the period that the wide file holds."))
        columns, parts = {}, defaultdict(dict)
        for index, header in enumerate(table.headers):
            # Columns left of the school («№ п/п») and empty headers are not indicators.
            if index <= school_at or index == period_at or is_blank(header):
                continue
            written = cells.text(header)
            base, part = split_part(written)
            indicator = self.indicator(table.header_row, written, header, code=base)
            if indicator is not None and part:
                parts[indicator.pk][part] = index
            elif indicator is not None:
                columns[index] = indicator

        shown_headers = [cells.text(header) for header in table.headers]  # once a file

        def at(row, index):
            if index is None:
                return None
            cell = row.cells[index] if index < len(row.cells) else None
            return shown_headers[index], cell

        for row in progress_rows(table.rows, self.progress):
            where = self.cell(row, "school")
            school = self.school(row.number, *where)
            period = self.period_of(row.number, self.cell(row, "period"))
            group = None
            if school is not None and period is not None:
                group = (school.pk, period.pk)
                self.groups[group][row.number] = where
            for index, indicator in columns.items():
                value = at(row, index)
                num = at(row, parts[indicator.pk].get(NUMERATOR))
                den = at(row, parts[indicator.pk].get(DENOMINATOR))
                if all(p is None or is_blank(p[1]) for p in (value, num, den)):
                    continue
                checked = self.entry(row.number, indicator, value, num, den)
                self.add(row.number, group, school, indicator, period, checked)

    def long(self):
        table = self.table
        need = ["school", "indicator"] + ([] if self.period else ["period"])
        if not table.has("value") and not (table.has("numerator") and table.has("denominator")):
            need.append("value")
        labels = {c.key: c.label for c in HEADER_COLUMNS}
        missing = [labels[key] for key in need if not table.has(key)]
        if missing:
            raise IndicatorError(
                _("The file has no required column: %(columns)s.")
                % {"columns": ", ".join(f"«{c}»" for c in missing)}
            )
        for row in progress_rows(table.rows, self.progress):
            where = self.cell(row, "school")
            school = self.school(row.number, *where)
            indicator = self.indicator(row.number, *self.cell(row, "indicator"))
            period = self.period_of(row.number, self.cell(row, "period"))
            value = self.cell(row, "value")
            num, den = self.cell(row, "numerator"), self.cell(row, "denominator")
            if all(p is None or is_blank(p[1]) for p in (value, num, den)):
                header = table.header("value") or table.header("numerator")
                self.problem(row.number, header, None, _("This value is required."))
                continue
            group = None
            if school is not None and indicator is not None and period is not None:
                group = (school.pk, indicator.pk, period.pk)
                self.groups[group][row.number] = where
            if indicator is not None:
                checked = self.entry(row.number, indicator, value, num, den)
                self.add(row.number, group, school, indicator, period, checked)

    # After the rows: repeats, the rules across indicators, what would change.

    def finish(self):
        repeated = {group for group, rows in self.groups.items() if len(rows) > 1}
        for group in repeated:
            rows = self.groups[group]
            numbers = ", ".join(str(n) for n in sorted(rows))
            if self.plan.form == LONG:
                message = _(
                    "The same school, indicator and period are given more than once: rows %(rows)s."
                )
            else:
                message = _("The school is given more than once for the period: rows %(rows)s.")
            for number, (header, cell) in rows.items():
                self.problem(number, header, cell, message % {"rows": numbers})
        self.plan.values = [p for group, p in self.pending if group not in repeated]
        self.cross_check()
        self.plan.problems = sorted_problems(self.plan.problems)
        if not self.plan.problems:
            self.classify()

    def cross_check(self):
        """Winners ≤ participants and the like, over the file merged with stored values."""
        groups = defaultdict(dict)
        for planned in self.plan.values:
            groups[(planned.school.pk, planned.period.pk)][planned.indicator.code] = planned
        if not groups:
            return
        stored = defaultdict(dict)
        rows = (
            IndicatorValue.objects.filter(
                school_id__in={k[0] for k in groups}, period_id__in={k[1] for k in groups}
            )
            .order_by()
            .values_list("school_id", "period_id", "indicator__code", "value")
        )
        for s, p, code, value in rows:
            stored[(s, p)][code] = value
        for key, planned in groups.items():
            values = dict(stored[key])
            values.update({code: p.value for code, p in planned.items()})
            for code, message in rules_check(values, self.indicators).items():
                where = planned.get(code) or next(iter(planned.values()))
                self.plan.problems.append(Problem(where.row, where.header, where.shown, message))

    def classify(self):
        """Split the planned values into new, changed (with what changes) and unchanged."""
        plan = self.plan
        if not plan.values:
            return
        existing = {
            (v.school_id, v.indicator_id, v.period_id): v
            for v in IndicatorValue.objects.filter(
                period_id__in={p.period.pk for p in plan.values},
                school_id__in={p.school.pk for p in plan.values},
            ).order_by()
        }
        for planned in plan.values:
            stored = existing.get(planned.key)
            if stored is None:
                plan.new.append(planned)
                continue
            fields = _changed_fields(stored, planned)
            if fields:
                title = f"{planned.school.short_name}: {planned.indicator.name}, {planned.period}"
                plan.changed.append((stored, planned, Change(planned.row, title, fields)))
            else:
                plan.counts.unchanged += 1
        plan.counts.created, plan.counts.updated = len(plan.new), len(plan.changed)


def _shown(value, numerator, denominator) -> str:
    text = decimal_comma(value, empty="")
    if numerator is not None and denominator is not None:
        text += f" ({decimal_comma(numerator)}/{decimal_comma(denominator)})"
    return text


def _changed_fields(stored, planned) -> list:
    """(label, old, new) of what the import changes in a stored value; empty if nothing."""
    fields = []
    old = (stored.value, stored.numerator, stored.denominator)
    new = (planned.value, planned.numerator, planned.denominator)
    if old != new:
        fields.append((_("Value"), _shown(*old), _shown(*new)))
    if stored.source != Indicator.Source.IMPORTED:
        fields.append(
            (
                _("Source"),
                str(stored.get_source_display()),
                str(Indicator.Source.IMPORTED.label),
            )
        )
    return fields
