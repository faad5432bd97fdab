"""The review of a practice: POST-only moves that answer with the practice's page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import posted_text
from practices.forms import CommentForm
from practices.services import bank as services
from practices.views.common import get_practice, run


@login_required
@require_POST
def practice_submit(request, pk):
    practice = get_practice(request.user, pk, perm="practices.submit_practice")
    return run(
        request,
        lambda: services.practice_submit(practice=practice, by=request.user),
        _("The practice is submitted for review."),
        practice.get_absolute_url(),
    )


@login_required
@require_POST
def practice_publish(request, pk):
    practice = get_practice(request.user, pk, perm="practices.review_practice")
    comment = posted_text(request, CommentForm)
    if comment is None:
        return redirect(practice)
    return run(
        request,
        lambda: services.practice_publish(practice=practice, by=request.user, comment=comment),
        _("The practice is published in the bank."),
        practice.get_absolute_url(),
    )


@login_required
@require_POST
def practice_return(request, pk):
    practice = get_practice(request.user, pk, perm="practices.review_practice")
    comment = posted_text(request, CommentForm)
    if comment is None:
        return redirect(practice)
    return run(
        request,
        lambda: services.practice_return(practice=practice, by=request.user, comment=comment),
        _("The practice is returned for revision."),
        practice.get_absolute_url(),
    )


@login_required
@require_POST
def practice_comment(request, pk):
    practice = get_practice(request.user, pk, perm="practices.comment_practice")
    text = posted_text(request, CommentForm)
    if text is None:
        return redirect(practice)
    return run(
        request,
        lambda: services.practice_comment(practice=practice, by=request.user, text=text),
        _("The comment is added."),
        f"{practice.get_absolute_url()}#review",
    )


@login_required
@require_POST
def practice_withdraw(request, pk):
    practice = get_practice(request.user, pk, perm="practices.withdraw_practice")
    text = posted_text(request, CommentForm)
    if text is None:
        return redirect(practice)
    return run(
        request,
        lambda: services.practice_withdraw(practice=practice, by=request.user, text=text),
        _("The practice is withdrawn from the bank."),
        practice.get_absolute_url(),
    )
