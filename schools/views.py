from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.access import get_object_for_user
from core.found import suggestions
from core.history import history_entries
from core.kept_html import kept_html
from schools.filters import SchoolFilter, school_search
from schools.forms import TeacherForm
from schools.models import School, Subject, Teacher
from schools.selectors import PAGES_AREA, school_id_of
from schools.services import SchoolsError, teacher_update

PAGE_SIZE = 25
KNOWN_BY = "schools.know_school"


@login_required
def school_list(request):
    body = kept_html(
        request,
        PAGES_AREA,
        "school-list",
        "all",  # every user sees the whole directory
        "schools/_school_list_body.html",
        lambda: _school_list_context(request),
    )
    return render(request, "schools/school_list.html", {"body": body})


def _school_list_context(request):
    # Counted per listed school (a subquery), not grouped over every school before paging.
    teachers = (
        Teacher.objects.filter(school=OuterRef("pk"))
        .order_by()
        .values("school")
        .annotate(n=Count("pk"))
        .values("n")
    )
    schools = School.objects.annotate(
        teacher_count=Coalesce(Subquery(teachers, output_field=IntegerField()), 0)
    ).order_by("sort_name")
    school_filter = SchoolFilter(request.GET, queryset=schools)
    page = Paginator(school_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"filter": school_filter, "page": page}


@login_required
@require_GET
def school_suggest(request):
    """The names of the schools matching what is typed into a school filter."""
    names = suggestions(School.objects.order_by("sort_name"), school_search, request.GET.get("q"))
    return JsonResponse({"names": names})


@login_required
def my_school(request):
    school_id = school_id_of(request.user)
    if school_id is None:
        raise Http404
    return redirect("schools:detail", pk=school_id)


@login_required
def school_detail(request, pk):
    school = get_object_for_user(
        request.user, School.objects.all(), perm="schools.view_school", known_by=KNOWN_BY, pk=pk
    )
    subjects = Subject.objects.filter(teachers__school=school).distinct()
    return render(
        request,
        "schools/school_detail.html",
        {
            "school": school,
            "history": school.category_history.all(),
            "teacher_count": school.teachers.count(),
            "subjects": subjects,
            "can_see_teachers": request.user.has_perm("schools.view_school_teachers", school),
            "audit_trail": history_entries(school.history.all())
            if request.user.has_perm("schools.view_school_history", school)
            else None,
        },
    )


@login_required
def teacher_list(request, pk):
    school = get_object_for_user(
        request.user,
        School.objects.all(),
        perm="schools.view_school_teachers",
        known_by=KNOWN_BY,
        pk=pk,
    )
    can_edit = request.user.has_perm("schools.change_teacher", Teacher(school=school))
    body = kept_html(
        request,
        PAGES_AREA,
        "teacher-list",
        f"{school.pk}:{can_edit}",
        "schools/_teacher_list_body.html",
        lambda: _teacher_list_context(request, school, can_edit),
    )
    return render(request, "schools/teacher_list.html", {"school": school, "body": body})


def _teacher_list_context(request, school, can_edit):
    query = request.GET.get("q", "")
    teachers = school.teachers.search(query).prefetch_related("subjects")
    page = Paginator(teachers, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"school": school, "page": page, "query": query, "can_edit": can_edit}


@login_required
@require_http_methods(["GET", "POST"])
def teacher_edit(request, pk, teacher_pk):
    teacher = get_object_for_user(
        request.user,
        Teacher.objects.select_related("school"),
        perm="schools.change_teacher",
        known_by="schools.know_teacher",
        pk=teacher_pk,
        school_id=pk,
    )
    form = TeacherForm(request.POST or None, instance=teacher)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "subjects"}
        try:
            teacher_update(
                teacher=Teacher.objects.get(pk=teacher.pk),
                data=data,
                subjects=form.cleaned_data["subjects"],
                by=request.user,
            )
        except SchoolsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Changes to %(name)s are saved.") % {"name": teacher.full_name}
            )
            return redirect("schools:teachers", pk=teacher.school_id)
    return render(request, "schools/teacher_form.html", {"form": form, "teacher": teacher})
