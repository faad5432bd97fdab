"""An association's discussion: members post and comment; its leader and the centre moderate."""

from pathlib import Path

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core.history import audited
from core.uploads import DOCUMENTS, MB, check_upload
from notifications.models import Kind
from notifications.services import notify
from practices.errors import PracticesError
from practices.models import Post, PostComment

MAX_FILE_SIZE = 20 * MB


def members_users(association):
    """The logins of the association's leader and members."""
    teachers = [association.leader, *association.members.all()]
    return [teacher.user for teacher in teachers if teacher.user_id]


def _url(post, anchor="post"):
    return reverse("practices:association", args=[post.association_id]) + f"#{anchor}-{post.pk}"


def _text(text):
    text = (text or "").strip()
    if not text:
        raise PracticesError(_("The message is empty."))
    return text


@audited
@transaction.atomic
def post_create(*, association, by, text, upload=None) -> Post:
    """Post in the association's discussion and tell its members."""
    post = Post(association=association, author=by, text=_text(text))
    if upload:
        check_upload(upload, allowed=DOCUMENTS, max_size=MAX_FILE_SIZE)
        post.file_name = Path(upload.name).name[:200]
        post.file.save(post.file_name, upload, save=False)
    post.save()
    notify(
        [user for user in members_users(association) if user.pk != by.pk],
        kind=Kind.ASSOCIATION_POST,
        title=_("%(author)s wrote in «%(association)s»")
        % {"author": by.get_full_name() or by.username, "association": association},
        text=post.text[:500],
        url=_url(post),
    )
    return post


@audited
@transaction.atomic
def post_comment(*, post, by, text) -> PostComment:
    if post.hidden:
        raise PracticesError(_("A hidden post takes no comments."))
    comment = PostComment.objects.create(post=post, author=by, text=_text(text))
    if post.author is not None and post.author.pk != by.pk:
        notify(
            [post.author],
            kind=Kind.POST_COMMENT,
            title=_("%(author)s answered your post in «%(association)s»")
            % {"author": by.get_full_name() or by.username, "association": post.association},
            text=comment.text[:500],
            url=_url(post, "post"),
        )
    return comment


@audited
@transaction.atomic
def post_moderate(*, post, by, action) -> Post | None:
    """Hide, show again or delete a post; the history keeps who did it."""
    return _moderate(post, by, action)


@audited
@transaction.atomic
def comment_moderate(*, comment, by, action) -> PostComment | None:
    return _moderate(comment, by, action)


ACTIONS = ("hide", "show", "delete")


def _moderate(row, by, action):
    if action not in ACTIONS:
        raise PracticesError(_("Unknown moderation action."))
    if action == "delete":
        row.delete()
        return None
    row.hidden = action == "hide"
    row.save(update_fields=["hidden"])
    return row
