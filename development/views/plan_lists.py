"""Plans of many teachers: a director's school, the municipality's figures, XLSX export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from development.exports import plans_workbook, xlsx_response
from development.filters import SchoolPlanFilter, TeacherPlanFilter
from development.selectors import attach_plans, school_plan_figures, teachers_for_plans
from schools.models import School

PAGE_SIZE = 25


def _teacher_filter(request):
    """Teachers in the user's scope with their plan of the chosen year, filtered."""
    user = request.user
    if not user.has_perm("development.view_plan_overview"):
        raise PermissionDenied
    return TeacherPlanFilter(
        request.GET,
        queryset=teachers_for_plans(user),
        all_schools=user.has_perm("development.view_all_schools"),
    )


@login_required
def plan_list(request):
    teacher_filter = _teacher_filter(request)
    year = teacher_filter.chosen_year
    page = Paginator(teacher_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    attach_plans(request.user, page.object_list, year)
    return render(
        request,
        "development/plan_list.html",
        {
            "filter": teacher_filter,
            "page": page,
            "year": year,
            "years": teacher_filter.year_choices(),
        },
    )


@login_required
def plan_export(request):
    teacher_filter = _teacher_filter(request)
    year = teacher_filter.chosen_year
    rows = attach_plans(request.user, list(teacher_filter.qs), year)
    return xlsx_response(plans_workbook(rows, year), f"plans-{year}.xlsx")


@login_required
def plan_summary(request):
    if not request.user.has_perm("development.view_all_schools"):
        raise PermissionDenied
    school_filter = SchoolPlanFilter(request.GET, queryset=School.objects.all())
    year = school_filter.chosen_year
    # A page of schools first; the figures are summed for that page only.
    page = Paginator(school_filter.qs.order_by("sort_name", "pk").values_list("pk", flat=True), 50)
    page = page.get_page(request.GET.get("page"))
    figures = school_plan_figures(School.objects.filter(pk__in=list(page)), year=year)
    return render(
        request,
        "development/plan_summary.html",
        {
            "filter": school_filter,
            "page": page,
            "schools": figures,
            "year": year,
            "years": school_filter.year_choices(),
        },
    )
