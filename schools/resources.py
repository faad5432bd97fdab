"""Import and export of the schools and teachers registries (django-import-export).

Columns carry the Russian names that a methodologist's spreadsheet has. Every bad
row is reported with a Russian reason as a validation error, so the preview lists
them all and nothing is imported while any remains.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from core.dates import current_academic_year
from core.import_preview import StylelessDiffMixin
from schools.models import School, Subject, Teacher
from schools.services import school_set_category

YES = {"да", "yes", "1", "true", "+", "д"}
NO = {"нет", "no", "0", "false", "-", "н", ""}


def _norm(value):
    return str(value or "").strip().lower().replace("ё", "е")


class TextWidget(widgets.CharWidget):
    """Text that is stripped; a whole number read from Excel loses its ".0"."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().clean(value, row, **kwargs).strip()


def text(attribute, column):
    return fields.Field(attribute, column, widget=TextWidget())


class ChoiceWidget(widgets.Widget):
    """Reads a choice by its Russian label or a synonym; writes the label."""

    def __init__(self, choices, synonyms=None, error=None, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.lookup = {_norm(label): value for value, label in choices.choices}
        self.lookup.update({_norm(value): value for value in choices.values})
        self.lookup.update({_norm(k): v for k, v in (synonyms or {}).items()})
        self.error = error

    def clean(self, value, row=None, **kwargs):
        key = _norm(value)
        if key not in self.lookup:
            allowed = ", ".join(str(label) for label in self.choices.labels)
            raise ValueError(self.error % {"value": value, "allowed": allowed})
        return self.lookup[key]

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        key = _norm(value)
        if key in YES:
            return True
        if key in NO:
            return False
        raise ValueError(_("Expected «да» or «нет», got «%(value)s».") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return _("yes") if value else _("no")


class SubjectsWidget(widgets.ManyToManyWidget):
    def __init__(self, **kwargs):
        super().__init__(Subject, separator=",", field="name", **kwargs)

    # Set by the resource for the length of one import, so rows don't query each time.
    by_name = None

    def clean(self, value, row=None, **kwargs):
        names = [n.strip() for n in str(value or "").replace(";", ",").split(",") if n.strip()]
        by_name = self.by_name or {_norm(s.name): s for s in Subject.objects.all()}
        unknown = [n for n in names if _norm(n) not in by_name]
        if unknown:
            raise ValueError(_("Unknown subject: %(names)s.") % {"names": ", ".join(unknown)})
        return [by_name[_norm(n)] for n in names]


class RequiredColumnsMixin:
    """Refuse a file that lacks a required column, and rows with duplicate keys."""

    required_columns = ()
    duplicate_message = ""

    def before_import(self, dataset, **kwargs):
        headers = {str(h).strip() for h in (dataset.headers or []) if h}
        missing = [c for c in self.required_columns if c not in headers]
        if missing:
            raise ValueError(
                _("The file has no required column: %(columns)s.")
                % {"columns": ", ".join(f"«{c}»" for c in missing)}
            )
        dataset.headers = [str(h).strip() if h else h for h in dataset.headers]
        self._seen_keys = set()
        super().before_import(dataset, **kwargs)

    def row_key(self, row):
        raise NotImplementedError

    def before_import_row(self, row, **kwargs):
        errors = {}
        for column in self.required_columns:
            if not str(row.get(column) or "").strip():
                errors[column] = _("This value is required.")
        if errors:
            raise ValidationError(errors)
        self.check_row(row)
        key = self.row_key(row)
        if key in self._seen_keys:
            raise ValidationError(self.duplicate_message)
        self._seen_keys.add(key)
        super().before_import_row(row, **kwargs)

    def check_row(self, row):
        """Raise ValidationError for what must hold before the row is looked up."""


CATEGORY_SYNONYMS = {
    "лидер": School.Category.LEADER,
    "школа-лидер": School.Category.LEADER,
    "шнор": School.Category.LOW_RESULTS,
    "низкие результаты": School.Category.LOW_RESULTS,
    "нсу": School.Category.UNFAVOURABLE,
    "неблагоприятные условия": School.Category.UNFAVOURABLE,
    "обычная": School.Category.REGULAR,
}


class SchoolResource(StylelessDiffMixin, RequiredColumnsMixin, resources.ModelResource):
    short_name = text("short_name", "Краткое наименование")
    full_name = text("full_name", "Полное наименование")
    address = text("address", "Адрес")
    settlement = text("settlement", "Населённый пункт")
    locality = fields.Field(
        "locality",
        "Тип местности",
        widget=ChoiceWidget(
            School.Locality,
            synonyms={"городская": "urban", "сельская": "rural", "город": "urban", "село": "rural"},
            error=_("Unknown locality «%(value)s»; expected one of: %(allowed)s."),
        ),
    )
    director_name = text("director_name", "Директор")
    email = text("email", "E-mail")
    phone = text("phone", "Телефон")
    category = fields.Field(
        "category",
        "Категория",
        widget=ChoiceWidget(
            School.Category,
            synonyms=CATEGORY_SYNONYMS,
            error=_("Unknown category «%(value)s»; expected one of: %(allowed)s."),
        ),
    )

    required_columns = (
        "Краткое наименование",
        "Полное наименование",
        "Населённый пункт",
        "Категория",
    )

    class Meta:
        model = School
        import_id_fields = ("short_name",)
        fields = (
            "short_name",
            "full_name",
            "address",
            "settlement",
            "locality",
            "director_name",
            "email",
            "phone",
            "category",
        )
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    @property
    def duplicate_message(self):
        return _("The school appears in the file more than once.")

    def row_key(self, row):
        return _norm(row.get("Краткое наименование"))

    def after_save_instance(self, instance, row, **kwargs):
        school_set_category(
            school=instance, year=current_academic_year(), category=instance.category
        )


class SchoolField(fields.Field):
    # Set by the resource for the length of one import, so rows don't query each time.
    by_name = None

    def clean(self, row, **kwargs):
        name = str(row.get(self.column_name) or "").strip()
        if self.by_name is not None:
            school = self.by_name.get(_norm(name))
        else:
            school = School.objects.filter(short_name__iexact=name).first()
        if school is None:
            raise ValueError(_("Unknown school «%(name)s».") % {"name": name})
        return school


class TeacherResource(StylelessDiffMixin, RequiredColumnsMixin, resources.ModelResource):
    last_name = text("last_name", "Фамилия")
    first_name = text("first_name", "Имя")
    patronymic = text("patronymic", "Отчество")
    school = SchoolField("school", "Школа", widget=widgets.ForeignKeyWidget(School, "short_name"))
    position = text("position", "Должность")
    subjects = fields.Field("subjects", "Предметы", widget=SubjectsWidget())
    qualification = fields.Field(
        "qualification",
        "Квалификационная категория",
        widget=ChoiceWidget(
            Teacher.Qualification,
            synonyms={"нет": "none", "первая": "first", "высшая": "highest", "": "none"},
            error=_("Unknown qualification category «%(value)s»; expected one of: %(allowed)s."),
        ),
    )
    teaches_grade_9 = fields.Field("teaches_grade_9", "9 класс", widget=YesNoWidget())
    teaches_grade_11 = fields.Field("teaches_grade_11", "11 класс", widget=YesNoWidget())
    uses_online_platforms = fields.Field(
        "uses_online_platforms", "Онлайн-платформы", widget=YesNoWidget()
    )
    email = text("email", "E-mail")
    phone = text("phone", "Телефон")
    birth_date = fields.Field(
        "birth_date", "Дата рождения", widget=widgets.DateWidget(format="%d.%m.%Y")
    )
    personnel_number = text("personnel_number", "Табельный номер")

    required_columns = ("Фамилия", "Имя", "Школа")

    class Meta:
        model = Teacher
        import_id_fields = ("school", "last_name", "first_name", "patronymic")
        fields = (
            "last_name",
            "first_name",
            "patronymic",
            "school",
            "position",
            "subjects",
            "qualification",
            "teaches_grade_9",
            "teaches_grade_11",
            "uses_online_platforms",
            "email",
            "phone",
            "birth_date",
            "personnel_number",
        )
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    @property
    def duplicate_message(self):
        return _("The teacher appears in the file more than once for the same school.")

    def row_key(self, row):
        return tuple(_norm(row.get(c)) for c in ("Школа", "Фамилия", "Имя", "Отчество"))

    def before_import(self, dataset, **kwargs):
        # Schools and subjects are looked up once per file, not once per row.
        schools = {_norm(s.short_name): s for s in School.objects.all()}
        self.fields["school"].by_name = schools
        self.fields["subjects"].widget.by_name = {_norm(s.name): s for s in Subject.objects.all()}
        super().before_import(dataset, **kwargs)

    def check_row(self, row):
        name = str(row.get("Школа") or "").strip()
        if _norm(name) not in self.fields["school"].by_name:
            raise ValidationError({"Школа": _("Unknown school «%(name)s».") % {"name": name}})

    def get_queryset(self):
        return Teacher.objects.select_related("school").prefetch_related("subjects")
