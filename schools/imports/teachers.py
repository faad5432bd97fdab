"""The teachers file: names in one column or three, namesakes, and what a row changes.

A row finds the stored teacher it updates by its personnel number within the school
when it gives one, then by the school and full name, namesakes told apart by e-mail,
phone or date of birth. A row given twice is flagged on both rows; two namesakes that
nothing tells apart are flagged on both, asking for something that does.
"""

import re
from collections import defaultdict

from django.utils.translation import gettext as _

from accounts.imports import progress_rows
from core import cells
from core.import_changes import Change
from schools.imports.columns import TEACHER_COLUMNS
from schools.imports.plan import Reader, choice_lookup, flag_repeats
from schools.models import School, Subject, Teacher

QUALIFICATION_SYNONYMS = {
    "нет": Teacher.Qualification.NONE,
    "без категории": Teacher.Qualification.NONE,
    "соответствие занимаемой должности": Teacher.Qualification.NONE,
    "сзд": Teacher.Qualification.NONE,
    "первая": Teacher.Qualification.FIRST,
    "первая категория": Teacher.Qualification.FIRST,
    "1": Teacher.Qualification.FIRST,
    "высшая": Teacher.Qualification.HIGHEST,
    "высшая категория": Teacher.Qualification.HIGHEST,
    "в": Teacher.Qualification.HIGHEST,
}
TEXT_FIELDS = {"position": 150, "phone": 50, "personnel_number": 30}
FLAGS = ("teaches_grade_9", "teaches_grade_11", "uses_online_platforms")
NAME_FIELDS = ("last_name", "first_name", "patronymic")
# The fields a row may change, in the order a change lists them.
FIELDS = (
    *NAME_FIELDS,
    "position",
    "qualification",
    *FLAGS,
    "email",
    "phone",
    "birth_date",
    "personnel_number",
)
_SPLIT = re.compile(r"[,;\n]")


def _digits(phone):
    return re.sub(r"\D", "", phone or "")


class TeacherPlanner:
    def __init__(self, plan, progress=None):
        self.plan = plan
        self.progress = progress
        self.table = plan.table
        self.reader = Reader(self.table, plan.problems)
        self.labels = {c.key: c.label for c in TEACHER_COLUMNS}
        self.schools = {cells.choice_key(s.short_name): s for s in School.objects.all()}
        self.subjects = {cells.choice_key(s.name): s for s in Subject.objects.all()}
        self.qualifications = choice_lookup(Teacher.Qualification, QUALIFICATION_SYNONYMS)
        self.name_key = "full_name" if self.table.has("full_name") else "last_name"

    def name(self, row):
        """Surname, name and patronymic from three columns, or split from one."""
        table, reader = self.table, self.reader
        if table.has("last_name") and cells.text(table.value(row, "last_name")):
            parts = [cells.text(table.value(row, key)) for key in NAME_FIELDS]
            if not parts[1]:
                reader.problem(row, "first_name", _("This value is required."))
                return None
            return parts
        if not table.has("full_name"):
            reader.problem(row, "last_name", _("This value is required."))
            return None
        words = cells.text(table.value(row, "full_name")).split(" ")
        if len(words) < 2:
            reader.problem(
                row,
                "full_name",
                _("Write the surname, name and patronymic, e.g. «Иванова Анна Петровна»."),
            )
            return None
        return [words[0], words[1], " ".join(words[2:])]

    def row_values(self, row):
        table, reader = self.table, self.reader
        values = {}
        name = self.name(row)
        if name:
            for key, part in zip(NAME_FIELDS, name, strict=True):
                if len(part) > 100:
                    reader.problem(row, self.name_key, _("Longer than 100 characters."))
                values[key] = part
        school_name = cells.text(table.value(row, "school"))
        school = self.schools.get(cells.choice_key(school_name))
        if not school_name:
            reader.problem(row, "school", _("This value is required."))
        elif school is None:
            reader.problem(row, "school", _("Unknown school «%(name)s».") % {"name": school_name})
        values["school"] = school
        for key, limit in TEXT_FIELDS.items():
            if table.has(key):
                values[key] = reader.text(row, key, max_length=limit)
        if table.has("position") and not values.get("position"):
            values["position"] = "учитель"
        if table.has("email"):
            values["email"] = (reader.text(row, "email", email=True) or "").lower()
        if table.has("qualification"):
            if cells.text(table.value(row, "qualification")):
                values["qualification"] = reader.read(
                    row,
                    "qualification",
                    cells.choice,
                    lookup=self.qualifications,
                    allowed=["нет", "первая", "высшая"],
                )
            else:
                values["qualification"] = Teacher.Qualification.NONE
        for key in FLAGS:
            if table.has(key):
                values[key] = reader.read(row, key, cells.yes_no)
        if table.has("birth_date"):
            values["birth_date"] = reader.read(row, "birth_date", cells.date)
        if table.has("subjects"):
            values["subjects"] = self.subject_list(row)
        return values

    def subject_list(self, row):
        names = [cells.text(n) for n in _SPLIT.split(cells.text(self.table.value(row, "subjects")))]
        names = [n for n in names if n]
        unknown = [n for n in names if cells.choice_key(n) not in self.subjects]
        if unknown:
            self.reader.problem(
                row,
                "subjects",
                _("Unknown subject: %(names)s.") % {"names": ", ".join(f"«{n}»" for n in unknown)},
            )
            return None
        return sorted({self.subjects[cells.choice_key(n)] for n in names}, key=lambda s: s.pk)

    def parse(self):
        rows = progress_rows(self.table.rows, self.progress)
        return [(row, self.row_values(row)) for row in rows]

    def run(self):
        parsed = self.parse()
        by_name = defaultdict(list)
        for row, values in parsed:
            if values.get("school") and values.get("last_name"):
                by_name[self.key(values)].append((row, values))
        self.check_namesakes(by_name)
        self.check_personnel_numbers(parsed)
        if self.plan.problems:
            return
        stored = defaultdict(list)
        numbered = {}
        teachers = Teacher.objects.filter(
            school__in={v["school"].pk for _r, v in parsed}
        ).prefetch_related("subjects")
        for teacher in teachers:
            stored[self.key(vars(teacher), school_id=teacher.school_id)].append(teacher)
            if teacher.personnel_number:
                numbered.setdefault((teacher.school_id, teacher.personnel_number), teacher)
        taken = set()
        found = {}
        # The personnel number first: it finds a teacher whatever the file calls them.
        for row, values in parsed:
            number = values.get("personnel_number")
            teacher = numbered.get((values["school"].pk, number)) if number else None
            if teacher is not None:
                found[row.number] = teacher
                taken.add(teacher.pk)
        for key, rows in by_name.items():
            candidates = [t for t in stored.get(key, []) if t.pk not in taken]
            for row, values in rows:
                teacher = found.get(row.number) or self.match(
                    candidates, values, alone=len(rows) == 1
                )
                if teacher is None:
                    self.plan.new.append((row.number, values))
                else:
                    if teacher in candidates:
                        candidates.remove(teacher)
                    self.compare(row, teacher, values)

    @staticmethod
    def key(values, school_id=None):
        school_id = school_id or values["school"].pk
        return (school_id, *(cells.choice_key(values[k]) for k in NAME_FIELDS))

    @staticmethod
    def tells_apart(values):
        return (
            values.get("email") or "",
            _digits(values.get("phone")),
            values.get("birth_date"),
            values.get("personnel_number") or "",
        )

    def check_namesakes(self, by_name):
        for rows in by_name.values():
            if len(rows) < 2:
                continue
            marks = defaultdict(list)
            for row, values in rows:
                marks[self.tells_apart(values)].append(row)
            repeats = {k: rs for k, rs in marks.items() if len(rs) > 1}
            for mark, same in repeats.items():
                numbers = {"rows": ", ".join(str(r.number) for r in same)}
                identical = len({tuple(cells.text(c) for c in r.cells) for r in same}) == 1
                if any(mark) or identical:
                    message = _("The same teacher is given more than once: rows %(rows)s.")
                else:
                    message = _(
                        "Namesakes in one school: rows %(rows)s. Give each an e-mail, a phone, "
                        "a date of birth or a personnel number to tell them apart, or delete "
                        "the repeated row."
                    )
                flag_repeats(self.reader, {0: same}, self.name_key, message % numbers)

    def check_personnel_numbers(self, parsed):
        """One personnel number is one person in a school; rows repeated whole are flagged."""
        flagged = {p.row for p in self.plan.problems}
        groups = defaultdict(list)
        for row, values in parsed:
            if values.get("school") and values.get("personnel_number"):
                groups[(values["school"].pk, values["personnel_number"])].append(row)
        groups = {k: rs for k, rs in groups.items() if not all(r.number in flagged for r in rs)}
        flag_repeats(
            self.reader,
            groups,
            "personnel_number",
            _(
                "The personnel number is given to more than one teacher of the school: "
                "rows %(rows)s."
            ),
        )

    def match(self, candidates, values, *, alone):
        """The stored namesake a row updates, or None; one that differs in what tells
        namesakes apart (a personnel number, a date of birth) is another person."""
        number = values.get("personnel_number")
        born = values.get("birth_date")
        candidates = [
            t
            for t in candidates
            if not (number and t.personnel_number and t.personnel_number != number)
            and not (born and t.birth_date and t.birth_date != born)
        ]
        if alone and len(candidates) == 1:
            return candidates[0]
        email, phone, born, _number = self.tells_apart(values)
        for teacher in candidates:
            if email and teacher.email.lower() == email:
                return teacher
        for teacher in candidates:
            if phone and _digits(teacher.phone) == phone:
                return teacher
        for teacher in candidates:
            if born and teacher.birth_date == born:
                return teacher
        return None

    def compare(self, row, teacher, values):
        fields = []
        for key in FIELDS:
            if key in values and getattr(teacher, key) != values[key]:
                fields.append(
                    (self.labels[key], _shown(teacher, key), _shown_new(key, values[key]))
                )
        if "subjects" in values:
            before = sorted(s.pk for s in teacher.subjects.all())
            if before != [s.pk for s in values["subjects"]]:
                fields.append(
                    (
                        self.labels["subjects"],
                        ", ".join(s.name for s in teacher.subjects.all()),
                        ", ".join(s.name for s in values["subjects"]),
                    )
                )
        if fields:
            change = Change(row.number, teacher.full_name, fields)
            self.plan.changed.append((teacher, values, change))
        else:
            self.plan.unchanged += 1


def _shown(teacher, key):
    if key == "qualification":
        return str(teacher.get_qualification_display())
    return _shown_new(key, getattr(teacher, key))


def _shown_new(key, value):
    if key == "qualification":
        return str(Teacher.Qualification(value).label)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return cells.shown(value)


def plan_teachers(plan, progress=None):
    """``progress(done, total)`` hears of the rows read, now and then."""
    TeacherPlanner(plan, progress).run()
