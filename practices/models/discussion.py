"""The discussion of a methodical association: members' posts, with comments, moderated."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail
from core.storage import private_storage
from network.models import MethodicalAssociation
from practices.models.files import post_file_path


class Post(models.Model):
    association = models.ForeignKey(
        MethodicalAssociation,
        on_delete=models.CASCADE,
        related_name="posts",
        verbose_name=_("methodical association"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"))
    file = models.FileField(
        _("file"), upload_to=post_file_path, storage=private_storage, blank=True, max_length=200
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    history = AuditTrail()

    class Meta:
        verbose_name = _("discussion post")
        verbose_name_plural = _("discussion posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]


class PostComment(models.Model):
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="comments", verbose_name=_("post")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"))
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    history = AuditTrail()

    class Meta:
        verbose_name = _("comment on a post")
        verbose_name_plural = _("comments on posts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
