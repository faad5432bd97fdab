"""The school report: one school's registry, category history and figures."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.models import Period
from monitoring.selectors.indicators import school_profile
from reports.kinds.base import ReportDataError, ReportKind, int_param, register
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
    return {"school": school_id}


def title(params):
    school = School.objects.filter(pk=params["school"]).first()
    name = str(school) if school else "—"
    return _("School report: %(school)s") % {"school": name}


def context(params):
    school = School.objects.filter(pk=params["school"]).first()
    if school is None:
        raise ReportDataError(_("The school no longer exists."))
    teachers = school.teachers.prefetch_related("subjects").order_by(
        "last_name", "first_name", "patronymic"
    )
    figures = school.teachers.aggregate(
        total=Count("id"),
        online=Count("id", filter=Q(uses_online_platforms=True)),
        graduating=Count("id", filter=Q(teaches_grade_9=True) | Q(teaches_grade_11=True)),
        highest=Count("id", filter=Q(qualification=Teacher.Qualification.HIGHEST)),
        first=Count("id", filter=Q(qualification=Teacher.Qualification.FIRST)),
    )
    period = Period.objects.current()
    return {
        "title": title(params),
        "school": school,
        "period": period,
        "profile": school_profile(school=school, period=period) if period else [],
        "history": school.category_history.all(),
        "figures": figures,
        "teachers": teachers,
        "generated_at": timezone.localtime(),
    }


SCHOOL = register(
    ReportKind(
        key="school",
        template="reports/pdf/school.html",
        clean=clean,
        title=title,
        context=context,
    )
)
