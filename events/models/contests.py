"""Teachers' applications to contests."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from schools.models import Teacher


class ContestApplication(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("contest"),
    )
    teacher = models.ForeignKey(
        Teacher,
        on_delete=models.CASCADE,
        related_name="contest_applications",
        verbose_name=_("teacher"),
    )
    text = models.TextField(_("application"))
    # A teacher's application is theirs and the centre's: no public URL reaches it.
    file = models.FileField(_("file"), upload_to="events/applications/%Y/", storage=private_storage)
    status = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contest application")
        verbose_name_plural = _("contest applications")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "teacher"], name="events_contestapplication_one_per_teacher"
            )
        ]

    def __str__(self):
        return f"{self.teacher.full_name} — {self.event.title}"
