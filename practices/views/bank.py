"""The bank: the list with search and filters, a practice's page, its form and files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import require_perm
from core.errors import DomainError
from core.history import history_entries
from network.views.common import private_file
from practices.filters import PracticeFilter
from practices.forms import FileForm, PracticeForm
from practices.models import Practice, PracticeFile, UsefulMark
from practices.services import bank as services
from practices.views.common import KNOWN_BY, get_practice, practices, run, thread_of
from schools.selectors import school_of

PAGE_SIZE = 20


@login_required
@require_GET
def practice_list(request):
    """Published practices, the most useful first, or the best matches of a search."""
    bank = PracticeFilter(request.GET, queryset=practices().published())
    page = Paginator(bank.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    # Unpublished ones the user may know of: their own, or their school's for a director.
    mine = practices().visible_to(request.user).exclude(state=Practice.State.PUBLISHED)
    waiting = (
        practices().filter(state=Practice.State.SUBMITTED).order_by("submitted_at")
        if request.user.is_methodologist
        else None
    )
    return render(
        request,
        "practices/practice_list.html",
        {
            "filter": bank,
            "page": page,
            "mine": None if request.user.is_municipal else mine.order_by("-pk")[:20],
            "waiting": waiting[:50] if waiting is not None else None,
            "can_add": request.user.has_perm("practices.add_practice"),
        },
    )


@login_required
@require_GET
def practice_detail(request, pk):
    practice = get_practice(request.user, pk, perm="practices.view_practice")
    user = request.user
    context = {
        "practice": practice,
        "files": practice.files.all(),
        "thread": thread_of(practice),
        "can_edit": user.has_perm("practices.change_practice", practice),
        "can_submit": user.has_perm("practices.submit_practice", practice),
        "can_review": user.has_perm("practices.review_practice", practice)
        and practice.state == Practice.State.SUBMITTED,
        "can_comment": user.has_perm("practices.comment_practice", practice),
        "can_withdraw": user.has_perm("practices.withdraw_practice", practice)
        and practice.state in (Practice.State.SUBMITTED, Practice.State.PUBLISHED),
        "can_mark": user.has_perm("practices.mark_practice", practice),
        "marked": UsefulMark.objects.filter(practice=practice, user=user).exists(),
        "file_form": FileForm(),
    }
    if user.is_methodologist:
        context["show_history"] = True
        context["audit_trail"] = history_entries(practice.history.all())
    return render(request, "practices/practice_detail.html", context)


def _form_page(request, form, practice=None):
    return render(request, "practices/practice_form.html", {"form": form, "practice": practice})


@login_required
@require_http_methods(["GET", "POST"])
def practice_add(request):
    if not request.user.has_perm("practices.add_practice"):
        raise PermissionDenied
    form = PracticeForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        school = form.cleaned_data.get("school") or school_of(request.user)
        try:
            practice = services.practice_create(
                by=request.user,
                school=school,
                authors=form.cleaned_data["authors"],
                subjects=form.cleaned_data["subjects"],
                upload=form.cleaned_data.get("upload"),
                **form.service_data(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The practice is saved as a draft. Submit it for review."))
            return redirect(practice)
    return _form_page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, pk):
    practice = get_practice(request.user, pk, perm="practices.change_practice")
    form = PracticeForm(request.POST or None, instance=practice, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_update(
                practice=practice,
                by=request.user,
                authors=form.cleaned_data["authors"],
                subjects=form.cleaned_data["subjects"],
                **form.service_data(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The practice is saved."))
            return redirect(practice)
    return _form_page(request, form, practice)


@login_required
@require_POST
def practice_file_add(request, pk):
    practice = get_practice(request.user, pk, perm="practices.change_practice")
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("upload", []):
            messages.error(request, error)
        return redirect(practice)
    return run(
        request,
        lambda: services.practice_file_add(
            practice=practice, upload=form.cleaned_data["upload"], by=request.user
        ),
        _("The file is attached."),
        practice.get_absolute_url(),
    )


@login_required
@require_GET
def practice_file(request, pk):
    """A practice's file, for whom may see the practice; each download is counted."""
    record = get_object_or_404(PracticeFile.objects.select_related("practice"), pk=pk)
    practice = record.practice
    require_perm(request.user, "practices.view_practice", practice, known_by=KNOWN_BY)
    if not record.file:
        raise Http404
    response = private_file(record.file, record.name)
    if practice.is_published:
        services.practice_downloaded(practice=practice)
    return response


@login_required
@require_POST
def practice_useful(request, pk):
    practice = get_practice(request.user, pk, perm="practices.mark_practice")
    try:
        marked = services.practice_mark_useful(practice=practice, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Marked as useful.") if marked else _("The «useful» mark is taken back.")
        )
    return redirect(practice)
