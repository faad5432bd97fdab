"""The review of a stage: POST-only actions that answer with the roadmap page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import posted_text
from network import services
from network.forms import CommentForm, ReturnForm
from network.views.common import get_stage


def _back(stage):
    return redirect(f"{stage.roadmap.partnership.get_absolute_url()}#stage-{stage.number}")


def _run(request, stage, action, success):
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return _back(stage)


@login_required
@require_POST
def stage_submit(request, pk):
    stage = get_stage(request.user, pk, perm="network.submit_stage")
    return _run(
        request,
        stage,
        lambda: services.stage_submit(stage=stage, by=request.user),
        _("The stage is submitted for review."),
    )


@login_required
@require_POST
def stage_accept(request, pk):
    stage = get_stage(request.user, pk, perm="network.review_stage")
    comment = posted_text(request, ReturnForm, "comment")
    if comment is None:
        return _back(stage)
    return _run(
        request,
        stage,
        lambda: services.stage_accept(stage=stage, by=request.user, comment=comment),
        _("The stage is accepted."),
    )


@login_required
@require_POST
def stage_return(request, pk):
    stage = get_stage(request.user, pk, perm="network.review_stage")
    comment = posted_text(request, ReturnForm, "comment")
    if comment is None:
        return _back(stage)
    return _run(
        request,
        stage,
        lambda: services.stage_return(stage=stage, by=request.user, comment=comment),
        _("The stage is returned for revision."),
    )


@login_required
@require_POST
def stage_comment(request, pk):
    stage = get_stage(request.user, pk, perm="network.change_roadmap")
    text = posted_text(request, CommentForm)
    if text is None:
        return _back(stage)
    return _run(
        request,
        stage,
        lambda: services.stage_comment(stage=stage, by=request.user, text=text),
        _("The comment is added."),
    )
