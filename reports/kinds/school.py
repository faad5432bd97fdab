"""The school report: one school's registry, category history, staff and figures for a
period, as they stood at the period's end.

SECTIONS is its table of contents: another app adds its section by adding its builder
(``(school, scope) -> Section | None``) to the list.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.formats import decimal_comma
from monitoring.models import Period
from monitoring.selectors.indicators import school_profile
from reports.document import Paragraph, Section, Table
from reports.kinds.base import ReportDataError, ReportKind, int_param, new_document, register
from reports.kinds.municipal import period_lines
from reports.kinds.period_facts import category_of_year, scope_for, teachers_as_of
from reports.kinds.programme_sections import school_programme
from reports.models import Report
from reports.rules import may_order_about
from schools.models import School, Teacher


def clean(params, user):
    school_id = int_param(params, "school", _("a school"))
    school = School.objects.filter(pk=school_id).first()
    if school is not None and not may_order_about(user, Report.Kind.SCHOOL, school):
        raise ReportDataError(_("You may order the report of your own school only."))
    if school is None:
        raise ReportDataError(_("The school is not found."))
    cleaned = {"school": school_id}
    if params.get("period") not in (None, ""):
        period_id = int_param(params, "period", _("a period"))
        if not Period.objects.filter(pk=period_id).exists():
            raise ReportDataError(_("The period is not found."))
        cleaned["period"] = period_id
    return cleaned


def title(params):
    school = School.objects.filter(pk=params["school"]).first()
    name = str(school) if school else "—"
    return _("School report: %(school)s") % {"school": name}


def subject(params):
    return _("The school's registry, staff and indicators")


def _period(params):
    if "period" in params:
        return Period.objects.filter(pk=params["period"]).first()
    return Period.objects.current()


def registry(school, scope):
    category = school.category
    if scope is not None:  # the category of the period's year, as the history records it
        then = School.objects.filter(pk=school.pk).annotate(then=category_of_year(scope.year))
        category = then.values_list("then", flat=True).get()
    label = School.Category(category).label
    rows = [
        [_("Category"), label],
        [_("Director"), school.director_name or "—"],
        [_("Settlement"), f"{school.settlement} ({school.get_locality_display().lower()})"],
        [_("Address"), school.address or "—"],
    ]
    history = Table(
        headers=[_("Academic year"), _("Category")],
        rows=[[r.academic_year, r.get_category_display()] for r in school.category_history.all()],
    )
    if not history.rows:
        history = Paragraph(_("No category history recorded yet."), muted=True)
    return Section(
        _("The school"),
        blocks=[Table(headers=[_("Figure"), _("Value")], rows=rows)],
        subsections=[Section(_("Category by year"), blocks=[history])],
    )


def _teachers(school, scope):
    if scope is None:
        return school.teachers.all(), Teacher.objects.none()
    return teachers_as_of(scope, school)


def staff(school, scope):
    figures = {"total": 0, "online": 0, "graduating": 0, "highest": 0, "first": 0}
    for rows in _teachers(school, scope):
        found = rows.aggregate(
            total=Count("pk"),
            online=Count("pk", filter=Q(uses_online_platforms=True)),
            graduating=Count("pk", filter=Q(teaches_grade_9=True) | Q(teaches_grade_11=True)),
            highest=Count("pk", filter=Q(qualification=Teacher.Qualification.HIGHEST)),
            first=Count("pk", filter=Q(qualification=Teacher.Qualification.FIRST)),
        )
        figures = {key: figures[key] + found[key] for key in figures}
    rows = [
        [_("Teachers in the registry"), figures["total"]],
        [_("Highest qualification category"), figures["highest"]],
        [_("First qualification category"), figures["first"]],
        [_("Teach graduating classes (9, 11)"), figures["graduating"]],
        [_("Use online platforms"), figures["online"]],
    ]
    return Section(
        _("Teaching staff"),
        blocks=[Table(headers=[_("Figure"), _("Teachers")], rows=rows, numeric=frozenset({1}))],
    )


def indicators(school, scope):
    if scope is None:
        return None
    rows = [
        [
            f"{row.indicator.name}{', %' if row.indicator.is_percent else ''}",
            decimal_comma(row.value, places=2),
            decimal_comma(row.previous, places=2),
            decimal_comma(row.target, places=2),
            row.status.label if row.status else "—",
            decimal_comma(row.municipal_average, places=2),
        ]
        for row in school_profile(school=school, period=scope.period)
    ]
    return Section(
        _("Indicators for %(name)s") % {"name": scope.period.name},
        blocks=[
            Table(
                headers=[
                    _("Indicator"),
                    _("Value"),
                    _("Last period"),
                    _("Target"),
                    _("Against target"),
                    _("Municipal average"),
                ],
                rows=rows,
                numeric=frozenset({1, 2, 3, 5}),
            )
        ],
    )


def teacher_list(school, scope):
    rows = []
    for queryset in _teachers(school, scope):
        rows += list(
            queryset.values_list(
                "last_name", "first_name", "patronymic", "position", "qualification"
            )
        )
    rows.sort()
    labels = dict(Teacher.Qualification.choices)
    return Section(
        _("Teachers"),
        blocks=[
            Table(
                headers=["№", _("Teacher"), _("Position"), _("Qualification category")],
                rows=[
                    [
                        n,
                        " ".join(p for p in (last, first, middle) if p),
                        position,
                        labels.get(q, "—"),
                    ]
                    for n, (last, first, middle, position, q) in enumerate(rows, start=1)
                ],
                numeric=frozenset({0}),
            )
        ],
    )


SECTIONS = [registry, staff, indicators, teacher_list, school_programme]


def document(params):
    school = School.objects.filter(pk=params["school"]).first()
    if school is None:
        raise ReportDataError(_("The school no longer exists."))
    period = _period(params)
    scope = scope_for(period) if period else None
    lines = [school.full_name] + (period_lines(scope) if scope else [])
    built = new_document(title(params), lines)
    built.sections = [s for s in (build(school, scope) for build in SECTIONS) if s is not None]
    return built


SCHOOL = register(
    ReportKind(key="school", clean=clean, title=title, subject=subject, document=document)
)
