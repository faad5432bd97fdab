"""Plans of many teachers: a director's school, the municipality's figures, XLSX export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from core.kept_html import kept_html
from development.exports import plans_workbook, xlsx_response
from development.filters import AcademicYearFilterSet, SchoolPlanFilter, TeacherPlanFilter
from development.kept import PLANS, plans_scope, summary_scope
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


def _chosen_year(request):
    """The year the lists show, read without the filters' other fields (no query)."""
    return AcademicYearFilterSet(request.GET, queryset=School.objects.none()).chosen_year


@login_required
def plan_list(request):
    if not request.user.has_perm("development.view_plan_overview"):
        raise PermissionDenied
    body = kept_html(
        request,
        PLANS,
        "plan-list",
        plans_scope(request.user),
        "development/_plan_list_body.html",
        lambda: _plan_list_context(request),
    )
    return render(
        request, "development/plan_list.html", {"body": body, "year": _chosen_year(request)}
    )


def _plan_list_context(request):
    teacher_filter = _teacher_filter(request)
    year = teacher_filter.chosen_year
    page = Paginator(teacher_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    attach_plans(request.user, page.object_list, year)
    return {
        "filter": teacher_filter,
        "page": page,
        "year": year,
        "years": teacher_filter.year_choices(),
    }


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
    body = kept_html(
        request,
        PLANS,
        "plan-summary",
        summary_scope(),
        "development/_plan_summary_body.html",
        lambda: _plan_summary_context(request),
    )
    return render(
        request, "development/plan_summary.html", {"body": body, "year": _chosen_year(request)}
    )


def _plan_summary_context(request):
    school_filter = SchoolPlanFilter(request.GET, queryset=School.objects.all())
    year = school_filter.chosen_year
    # A page of schools first; the figures are summed for that page only.
    page = Paginator(school_filter.qs.order_by("sort_name", "pk").values_list("pk", flat=True), 50)
    page = page.get_page(request.GET.get("page"))
    figures = school_plan_figures(School.objects.filter(pk__in=list(page)), year=year)
    return {
        "filter": school_filter,
        "page": page,
        "schools": figures,
        "year": year,
        "years": school_filter.year_choices(),
    }
