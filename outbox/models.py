"""One side effect of a committed change, waiting to be done by a worker."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxItem(models.Model):
    """Written in the transaction of the change that causes it; done once, by a worker.

    ``attempts`` counts hand-outs: a worker runs an item only for the attempt its
    message names, so a message delivered twice, or a stale one, runs nothing.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be handed out")
        DISPATCHED = "dispatched", _("Handed to a worker")
        RUNNING = "running", _("Being done")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    OPEN = (State.PENDING, State.DISPATCHED, State.RUNNING)

    handler = models.CharField(_("handler"), max_length=100)
    kwargs = models.JSONField(_("arguments"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("hand-outs"), default=0)
    failures = models.PositiveSmallIntegerField(_("failures"), default=0)
    available_at = models.DateTimeField(_("not before"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("handed out at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox item")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "available_at"], name="outbox_state_available"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.handler} ({self.get_state_display()})"
