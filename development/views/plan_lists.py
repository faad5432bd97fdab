"""Plans of many teachers: a director's school, the municipality's figures, XLSX export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from accounts.roles import Role
from core.dates import academic_year_label, current_academic_year
from development.exports import plans_workbook, xlsx_response
from development.models.plans import DevelopmentPlan, PlanItem
from schools.models import School, Teacher
from schools.selectors import school_id_of

PAGE_SIZE = 25
NO_PLAN = "none"


def _year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return current_academic_year()
    return year if 2000 <= year <= 2100 else current_academic_year()


def _year_choices(year):
    current = current_academic_year()
    years = sorted({current - 1, current, current + 1, year})
    return [(y, academic_year_label(y)) for y in years]


def teachers_with_plans(request):
    """Teachers in the user's scope with their plan of the chosen year, filtered."""
    user = request.user
    if not user.has_perm("development.view_plan_overview"):
        raise PermissionDenied
    year = _year(request)
    teachers = Teacher.objects.exclude(user__role=Role.DIRECTOR).select_related("school")
    if user.is_municipal:
        school = request.GET.get("school", "")
        if school.isdigit():
            teachers = teachers.filter(school_id=int(school))
    else:
        teachers = teachers.filter(school_id=school_id_of(user))
    teachers = teachers.search(request.GET.get("q", ""))
    status = request.GET.get("status", "")
    if status == NO_PLAN:
        teachers = teachers.exclude(development_plans__year=year)
    elif status in DevelopmentPlan.Status.values:
        teachers = teachers.filter(development_plans__year=year, development_plans__status=status)
    if request.GET.get("overdue"):
        teachers = teachers.filter(
            development_plans__year=year,
            development_plans__items__status=PlanItem.Status.PLANNED,
            development_plans__items__due_date__lt=timezone.localdate(),
        ).distinct()
    return year, teachers.order_by("school__short_name", "last_name", "first_name", "pk")


def attach_plans(user, teachers, year):
    """Give each teacher of a page ``plan`` (with progress) or None, in one query."""
    plans = (
        DevelopmentPlan.objects.visible_to(user)
        .filter(teacher__in=teachers, year=year)
        .with_progress()
    )
    by_teacher = {plan.teacher_id: plan for plan in plans}
    for teacher in teachers:
        teacher.plan = by_teacher.get(teacher.pk)
    return teachers


@login_required
def plan_list(request):
    year, teachers = teachers_with_plans(request)
    page = Paginator(teachers, PAGE_SIZE).get_page(request.GET.get("page"))
    attach_plans(request.user, page.object_list, year)
    return render(
        request,
        "development/plan_list.html",
        {
            "page": page,
            "year": year,
            "years": _year_choices(year),
            "statuses": DevelopmentPlan.Status.choices,
            "schools": School.objects.order_by("short_name") if request.user.is_municipal else [],
            "filters": request.GET,
            "no_plan": NO_PLAN,
            # Directors and methodologists may start a plan (e.g. from a template).
            "can_start": request.user.is_methodologist or request.user.is_director,
        },
    )


@login_required
def plan_export(request):
    year, teachers = teachers_with_plans(request)
    rows = attach_plans(request.user, list(teachers), year)
    return xlsx_response(plans_workbook(rows, year), f"plans-{year}.xlsx")


def school_figures(year):
    """Per school: teachers, plans by state, items done and overdue — one query."""
    plan_year = Q(teachers__development_plans__year=year)
    items = "teachers__development_plans__items"
    live = plan_year & ~Q(**{f"{items}__status": PlanItem.Status.CANCELLED})
    return School.objects.annotate(
        teacher_count=Count(
            "teachers", filter=~Q(teachers__user__role=Role.DIRECTOR), distinct=True
        ),
        plan_count=Count("teachers__development_plans", filter=plan_year, distinct=True),
        approved_count=Count(
            "teachers__development_plans",
            filter=plan_year
            & Q(
                teachers__development_plans__status__in=[
                    DevelopmentPlan.Status.APPROVED,
                    DevelopmentPlan.Status.COMPLETED,
                ]
            ),
            distinct=True,
        ),
        waiting_count=Count(
            "teachers__development_plans",
            filter=plan_year
            & Q(teachers__development_plans__status=DevelopmentPlan.Status.SUBMITTED),
            distinct=True,
        ),
        item_count=Count(items, filter=live),
        done_count=Count(items, filter=plan_year & Q(**{f"{items}__status": PlanItem.Status.DONE})),
        overdue_count=Count(
            items,
            filter=plan_year
            & Q(**{f"{items}__status": PlanItem.Status.PLANNED})
            & Q(**{f"{items}__due_date__lt": timezone.localdate()}),
        ),
    ).order_by("short_name")


@login_required
def plan_summary(request):
    if not request.user.is_municipal:
        raise PermissionDenied
    year = _year(request)
    schools = school_figures(year)
    category = request.GET.get("category", "")
    if category in School.Category.values:
        schools = schools.filter(category=category)
    return render(
        request,
        "development/plan_summary.html",
        {
            "schools": schools,
            "year": year,
            "years": _year_choices(year),
            "categories": School.Category.choices,
            "filters": request.GET,
        },
    )
