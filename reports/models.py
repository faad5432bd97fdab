import json
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail


class Report(models.Model):
    """A PDF that a user ordered (or the schedule did), rendered by a Celery worker,
    with its DOCX copy and XLSX annex for the kinds that have them."""

    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal monitoring report")
        SCHOOL = "school", _("School report")
        PARTNERSHIP = "partnership", _("Partnership report")
        EVENT = "event", _("Event report")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    PENDING = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    params_key = models.CharField(_("parameters key"), max_length=500, editable=False)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    error = models.TextField(_("reason of failure"), blank=True)
    file = models.FileField(_("file"), upload_to="reports/", blank=True)
    # The editable copy and the per-school annex, for the kinds that have them.
    docx = models.FileField(_("editable copy (DOCX)"), upload_to="reports/", blank=True)
    annex = models.FileField(_("annex (XLSX)"), upload_to="reports/", blank=True)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("ordered by"),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("ordered at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Written every few seconds while a worker renders; silence means the worker died.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)

    # Who ordered, each state and attempt; the heartbeat is written by update(), unrecorded.
    history = AuditTrail(excluded_fields=["heartbeat_at", "params_key"])

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_report"
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The same order twice while the first is still pending is one order.
            models.UniqueConstraint(
                fields=["ordered_by", "kind", "params_key"],
                condition=Q(status__in=["queued", "running"]),
                name="monitoring_report_one_pending_per_order",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_stalled(self):
        """Running, but its worker has not been heard of for too long."""
        if self.status != self.Status.RUNNING:
            return False
        last = self.heartbeat_at or self.started_at
        limit = timedelta(seconds=settings.REPORT_STALE_SECONDS)
        return last is None or timezone.now() - last > limit

    @property
    def state_label(self):
        """The state in words, honest about a worker that has gone silent."""
        if self.is_stalled:
            return _("Interrupted; it will be prepared again")
        return self.get_status_display()

    @property
    def may_retry(self):
        return self.status == self.Status.FAILED or self.is_stalled

    @staticmethod
    def key_for(params):
        return json.dumps(params, sort_keys=True, ensure_ascii=False)
