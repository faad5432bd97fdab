"""The curator's review of the profile and the programme: POST-only, back to the page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.forms import posted_text
from programmes import services
from programmes.forms import CommentForm, ReturnForm
from programmes.views.common import get_profile, run

# What each document's moves say when they succeed.
DONE = {
    "profile": {
        "submit": _("The risk profile is submitted to the curator."),
        "accept": _("The risk profile is accepted."),
        "return": _("The risk profile is returned for revision."),
        "comment": _("The comment is added."),
    },
    "programme": {
        "submit": _("The programme is submitted to the curator."),
        "accept": _("The programme is accepted."),
        "return": _("The programme is returned for revision."),
        "comment": _("The comment is added."),
    },
}

SERVICES = {
    ("profile", "submit"): services.profile_submit,
    ("profile", "accept"): services.profile_accept,
    ("profile", "return"): services.profile_return,
    ("profile", "comment"): services.profile_comment,
    ("programme", "submit"): services.programme_submit,
    ("programme", "accept"): services.programme_accept,
    ("programme", "return"): services.programme_return,
    ("programme", "comment"): services.programme_comment,
}

PERMS = {
    "submit": "programmes.submit_programme",
    "accept": "programmes.review_programme",
    "return": "programmes.review_programme",
    "comment": "programmes.comment_programme",
}


def _move(request, pk, document, move):
    profile = get_profile(request.user, pk, perm=PERMS[move])
    target = profile if document == "profile" else profile.programme
    url = f"{profile.get_absolute_url()}#{document}"
    kwargs = {document: target, "by": request.user}
    if move in ("accept", "return"):
        comment = posted_text(request, ReturnForm, "comment")
        if comment is None:
            return redirect(url)
        kwargs["comment"] = comment
    elif move == "comment":
        text = posted_text(request, CommentForm)
        if text is None:
            return redirect(url)
        kwargs["text"] = text
    service = SERVICES[(document, move)]
    return run(request, lambda: service(**kwargs), str(DONE[document][move]), url)


def _view(document, move):
    @login_required
    @require_POST
    def view(request, pk):
        return _move(request, pk, document, move)

    view.__name__ = f"{document}_{move}"
    view.__doc__ = f"{move.capitalize()} the school's {document}."
    return view


profile_submit = _view("profile", "submit")
profile_accept = _view("profile", "accept")
profile_return = _view("profile", "return")
profile_comment = _view("profile", "comment")
programme_submit = _view("programme", "submit")
programme_accept = _view("programme", "accept")
programme_return = _view("programme", "return")
programme_comment = _view("programme", "comment")
