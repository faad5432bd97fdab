"""What a registry file would import: every problem at once, or the new and changed rows.

A plan is read and checked without writing anything. Lookups (schools, subjects, the
stored rows the file may update) are loaded once per file, never once per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core import cells
from core.import_changes import Change
from core.import_errors import Problem
from core.tabular import Row, Table
from schools.imports.columns import COLUMNS, SCHOOLS
from schools.models import School


@dataclass
class RegistryPlan:
    kind: str
    table: Table | None = None
    problems: list = field(default_factory=list)
    new: list = field(default_factory=list)  # (row number, values)
    changed: list = field(default_factory=list)  # (instance, values, Change)
    unchanged: int = 0
    extra: dict = field(default_factory=dict, repr=False)  # what apply needs besides

    @property
    def changes(self):
        return [change for _instance, _values, change in self.changed]


class Reader:
    """Reads one table's cells, noting a problem for each bad one."""

    def __init__(self, table: Table, problems: list):
        self.table = table
        self.problems = problems

    def problem(self, row: Row, key: str, message: str, value=None):
        if value is None:
            value = self.table.value(row, key)
        self.problems.append(
            Problem(row.number, self.table.header(key), cells.shown(value), str(message))
        )

    def read(self, row: Row, key: str, reader, **kwargs):
        """The cell read by ``reader`` (a ``core.cells`` function); None after a problem."""
        value = self.table.value(row, key)
        try:
            return reader(value, **kwargs)
        except cells.CellError as error:
            self.problem(row, key, str(error), value)
            return None

    def text(self, row, key, *, required=False, max_length=None, email=False):
        value = cells.text(self.table.value(row, key))
        if required and not value:
            self.problem(row, key, _("This value is required."))
            return None
        if max_length and len(value) > max_length:
            self.problem(row, key, _("Longer than %(limit)s characters.") % {"limit": max_length})
            return None
        if email and value:
            try:
                validate_email(value)
            except ValidationError:
                self.problem(row, key, _("Not an e-mail address."))
                return None
        return value


def choice_lookup(choices, synonyms) -> dict:
    lookup = {cells.choice_key(label): value for value, label in choices.choices}
    lookup.update({cells.choice_key(value): value for value in choices.values})
    lookup.update({cells.choice_key(k): v for k, v in synonyms.items()})
    return lookup


def flag_repeats(reader, groups, key, message):
    """Flag every row of a group given more than once, each naming all the group's rows."""
    for rows in groups.values():
        if len(rows) > 1:
            numbers = ", ".join(str(r.number) for r in rows)
            for row in rows:
                reader.problem(row, key, message % {"rows": numbers})


CATEGORY_SYNONYMS = {
    "лидер": School.Category.LEADER,
    "школа-лидер": School.Category.LEADER,
    "шнор": School.Category.LOW_RESULTS,
    "низкие результаты": School.Category.LOW_RESULTS,
    "школа с низкими образовательными результатами": School.Category.LOW_RESULTS,
    "нсу": School.Category.UNFAVOURABLE,
    "неблагоприятные условия": School.Category.UNFAVOURABLE,
    "обычная": School.Category.REGULAR,
}
LOCALITY_SYNONYMS = {
    "городская": School.Locality.URBAN,
    "город": School.Locality.URBAN,
    "г": School.Locality.URBAN,
    "сельская": School.Locality.RURAL,
    "село": School.Locality.RURAL,
    "с": School.Locality.RURAL,
}
SCHOOL_TEXT = ("full_name", "address", "settlement", "director_name", "phone")
SCHOOL_FIELDS = (*SCHOOL_TEXT, "short_name", "email", "locality", "category")


def plan_schools(plan):
    table = plan.table
    reader = Reader(table, plan.problems)
    categories = choice_lookup(School.Category, CATEGORY_SYNONYMS)
    localities = choice_lookup(School.Locality, LOCALITY_SYNONYMS)
    category_names = [str(label) for label in School.Category.labels]
    locality_names = ["городская", "сельская"]
    stored = {cells.choice_key(s.short_name): s for s in School.objects.all()}
    labels = {c.key: c.label for c in COLUMNS[SCHOOLS]}
    groups = defaultdict(list)
    parsed = []
    for row in table.rows:
        values = {"short_name": reader.text(row, "short_name", required=True, max_length=150)}
        for key in SCHOOL_TEXT:
            if table.has(key):
                values[key] = reader.text(row, key, required=key in ("full_name", "settlement"))
        if table.has("email"):
            values["email"] = reader.text(row, "email", email=True)
        if table.has("locality"):
            locality = cells.text(table.value(row, "locality"))
            values["locality"] = (
                reader.read(
                    row, "locality", cells.choice, lookup=localities, allowed=locality_names
                )
                if locality
                else School.Locality.URBAN
            )
        if not cells.text(table.value(row, "category")):
            reader.problem(row, "category", _("This value is required."))
        else:
            values["category"] = reader.read(
                row, "category", cells.choice, lookup=categories, allowed=category_names
            )
        if values["short_name"]:
            groups[cells.choice_key(values["short_name"])].append(row)
        parsed.append((row, values))
    flag_repeats(
        reader, groups, "short_name", _("The school is given more than once: rows %(rows)s.")
    )
    for row, values in parsed:
        school = stored.get(cells.choice_key(values["short_name"] or ""))
        if school is None:
            plan.new.append((row.number, values))
            continue
        fields = [
            (labels[key], _shown(school, key), _shown_value(key, value))
            for key, value in values.items()
            if value is not None and getattr(school, key) != value
        ]
        if fields:
            plan.changed.append((school, values, Change(row.number, school.short_name, fields)))
        else:
            plan.unchanged += 1


def _shown(school, key):
    if key in ("category", "locality"):
        return str(getattr(school, f"get_{key}_display")())
    return cells.shown(getattr(school, key))


def _shown_value(key, value):
    if key == "category":
        return str(School.Category(value).label)
    if key == "locality":
        return str(School.Locality(value).label)
    return cells.shown(value)
