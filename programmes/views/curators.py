"""The centre assigns the supported schools' curators in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import get_object_for_user
from core.errors import DomainError
from programmes import services
from programmes.filters import CuratorshipFilter
from programmes.forms import CuratorForm
from programmes.selectors import curator_candidates, schools_for_curators
from programmes.views.common import KNOWN_BY
from schools.models import School

PAGE_SIZE = 25
ASSIGN = "programmes.assign_curator"


@login_required
def curators(request):
    """The supported schools with their curators, each with the form to assign one."""
    if not request.user.has_perm(ASSIGN):
        raise PermissionDenied
    found = CuratorshipFilter(request.GET, queryset=schools_for_curators())
    page = Paginator(found.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programmes/curators.html",
        {"filter": found, "page": page, "candidates": list(curator_candidates())},
    )


def _back(request, school):
    """Back to the page the form was on (a path of this portal), at the school's row."""
    target = request.POST.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        target = reverse("programmes:curators")
    return HttpResponseRedirect(f"{target.split('#')[0]}#school-{school.pk}")


@login_required
@require_POST
def curator_assign(request, pk):
    school = get_object_for_user(
        request.user, School.objects.all(), perm=ASSIGN, known_by=KNOWN_BY, pk=pk
    )
    form = CuratorForm(request.POST, candidates=curator_candidates())
    if not form.is_valid():
        messages.error(request, _("Choose the curator among the methodologists."))
        return _back(request, school)
    curator = form.cleaned_data["curator"]
    try:
        services.curator_assign(school=school, curator=curator, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(curator)s is the curator of %(school)s now.")
            % {"curator": curator, "school": school.short_name},
        )
    return _back(request, school)
