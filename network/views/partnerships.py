from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.kept_html import kept_html
from network.exports import roadmap_workbook
from network.filters import PartnershipFilter
from network.forms import PartnershipForm
from network.history import AREA as HISTORY_AREA
from network.history import roadmap_history
from network.kept import AREA, kept_roadmap_for_page
from network.models import Activity, Stage
from network.selectors import (
    partnership_overview,
    stage_blockers,
    stage_progress,
)
from network.services import NetworkError
from network.services import partnership_create as create
from network.views.common import get_partnership, private_file
from schools.selectors import school_id_of

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def partnership_list(request):
    """The partnerships the user may see; for methodologists, the morning overview."""
    user = request.user
    today = timezone.localdate()
    can_add = user.has_perm("network.add_partnership")
    seen = "all" if user.is_municipal else f"school:{school_id_of(user)}"
    body = kept_html(
        request,
        AREA,
        "partnerships",
        f"{seen}:{can_add}:{today}",
        "network/_partnership_list_body.html",
        lambda: _partnership_list_context(request, today, can_add),
    )
    return render(request, "network/partnership_list.html", {"body": body})


def _partnership_list_context(request, today, can_add):
    partnerships = partnership_overview(request.user, today=today)
    partnership_filter = PartnershipFilter(request.GET, queryset=partnerships)
    page = Paginator(partnership_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for partnership in page.object_list:
        last = partnership.last_activity_at
        partnership.days_idle = (today - timezone.localtime(last).date()).days if last else None
        partnership.current_stage_label = (
            Stage.Kind(partnership.current_kind).label if partnership.current_kind else None
        )
        partnership.current_state_label = (
            Stage.State(partnership.current_state).label if partnership.current_state else None
        )
    return {"filter": partnership_filter, "page": page, "can_add": can_add}


@login_required
@require_GET
def partnership_list_export(request):
    """The roadmaps of the partnerships that the overview's filters select, as XLSX."""
    partnerships = partnership_overview(request.user)
    selected = PartnershipFilter(request.GET, queryset=partnerships).qs
    response = HttpResponse(roadmap_workbook(list(selected)), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="roadmaps.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def partnership_create(request):
    if not request.user.has_perm("network.add_partnership"):
        raise PermissionDenied
    form = PartnershipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            partnership = create(
                leader=data["leader"],
                schools=data["schools"],
                partners=data["partners"],
                title=data["title"],
                model=data["model"],
                goal=data["goal"],
                agreement_number=data["agreement_number"],
                agreement_date=data["agreement_date"],
                agreement_file=data["agreement_file"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                by=request.user,
            )
        except NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The partnership is created; its first stage is open."))
            return redirect("network:roadmap", pk=partnership.pk)
    return render(
        request,
        "network/form.html",
        {"form": form, "heading": _("New partnership"), "back": "network:list", "files": True},
    )


@login_required
@require_GET
def roadmap(request, pk):
    partnership = get_partnership(request.user, pk, perm="network.view_roadmap")
    roadmap = kept_roadmap_for_page(partnership)
    user = request.user
    can_write = user.has_perm("network.change_roadmap", partnership)
    stages = list(roadmap.stages.all())
    problems = list(roadmap.problems.all())
    school_id = school_id_of(user)
    for stage in stages:
        stage.roadmap = roadmap
        stage.can_add = can_write and stage.is_editable
        stage.can_submit = stage.is_editable and user.has_perm("network.submit_stage", stage)
        stage.can_review = stage.state == Stage.State.SUBMITTED and user.has_perm(
            "network.review_stage", stage
        )
        for activity in stage.activities.all():
            activity.can_edit = stage.is_editable and user.has_perm(
                "network.change_activity", activity
            )
            activity.can_propose = (
                activity.state == Activity.State.DONE
                and activity.has_evidence
                and (user.is_methodologist or school_id == activity.responsible_school_id)
            )
    stage_by_kind = {stage.kind: stage for stage in stages}
    reflection = stage_by_kind[Stage.Kind.REFLECTION]
    for problem in problems:
        may_change = user.has_perm("network.change_problem", problem)
        problem.can_edit = may_change and stage_by_kind[Stage.Kind.ACQUAINTANCE].is_editable
        problem.can_describe = may_change and reflection.is_editable
    context = {
        "partnership": partnership,
        "roadmap": roadmap,
        "stages": stages,
        "problems": problems,
        "can_write": can_write,
        "can_reflect": can_write and reflection.is_editable,
        "can_add_problem": can_write and stage_by_kind[Stage.Kind.ACQUAINTANCE].is_editable,
    }
    return render(
        request,
        "network/roadmap.html",
        {
            "partnership": partnership,
            "stages_html": kept_html(
                request,
                AREA,
                "roadmap-stages",
                f"{roadmap.pk}:{_rights_of(context)}:{timezone.localdate()}",
                "network/_roadmap_stages.html",
                lambda: _with_progress(context, problems, roadmap),
                with_csrf=True,
            ),
            "history_html": kept_html(
                request,
                HISTORY_AREA,
                "roadmap-history",
                roadmap.pk,
                "network/_roadmap_history.html",
                lambda: {"history": roadmap_history(roadmap)},
            ),
        },
    )


def _rights_of(context):
    """What the reader may do on the roadmap, the only part of its stages that is theirs:
    readers with the same rights on the same rows see the same HTML."""
    flags = [context["can_write"], context["can_reflect"], context["can_add_problem"]]
    for stage in context["stages"]:
        flags += [stage.can_add, stage.can_submit, stage.can_review]
        for activity in stage.activities.all():
            flags += [activity.can_edit, activity.can_propose]
    for problem in context["problems"]:
        flags += [problem.can_edit, problem.can_describe]
    return "".join("1" if flag else "0" for flag in flags)


def _with_progress(context, problems, roadmap):
    """The context of the stages' part, with what only its rendering needs."""
    for stage in context["stages"]:
        stage.done, stage.planned = stage_progress(stage)
        stage.percent = round(100 * stage.done / stage.planned) if stage.planned else 0
        stage.blockers = stage_blockers(stage, problems, roadmap.conclusion)
    return context


@login_required
@require_GET
def roadmap_export(request, pk):
    partnership = get_partnership(request.user, pk, perm="network.export_roadmap")
    response = HttpResponse(roadmap_workbook([partnership]), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="roadmap-{partnership.pk}.xlsx"'
    return response


@login_required
@require_GET
def agreement_download(request, pk):
    partnership = get_partnership(request.user, pk, perm="network.view_partnership")
    return private_file(partnership.agreement_file, None)
