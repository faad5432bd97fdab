from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from core.history import AuditTrail


class User(AbstractUser):
    Role = Role

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    # The password's hash is nobody's business; a login is not a change.
    history = AuditTrail(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name or self.username

    @property
    def full_name(self):
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def is_methodologist(self):
        return self.role == Role.METHODOLOGIST or self.is_superuser

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR

    @property
    def is_municipal(self):
        """Sees the whole municipality: methodologists and coordinators."""
        return self.is_methodologist or self.is_coordinator

    @property
    def is_director(self):
        return self.role == Role.DIRECTOR

    @property
    def is_teacher(self):
        return self.role == Role.TEACHER


class ImportRecord(models.Model):
    """One spreadsheet imported: who, when, which file, and what it did."""

    class Kind(models.TextChoices):
        SCHOOLS = "schools", _("Schools")
        TEACHERS = "teachers", _("Teachers")
        PARTNER_ORGANISATIONS = "partner_organisations", _("Partner organisations")
        INDICATOR_VALUES = "indicator_values", _("Indicator values")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    file_name = models.CharField(_("file name"), max_length=255)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now, db_index=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    skipped = models.PositiveIntegerField(_("unchanged or skipped"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def succeeded(self):
        return self.errors == 0


class ImportJob(models.Model):
    """A long import done by a worker: its file, how far it got, and how it ended.

    The user who started it follows its progress on a page of its own; the file is kept
    until the import is done, so a broker outage delays the import and loses nothing.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    FINISHED = (State.DONE, State.FAILED)

    kind = models.CharField(_("kind"), max_length=30, choices=ImportRecord.Kind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"), blank=True)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("started by"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows in all"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    return_url = models.CharField(_("return address"), max_length=200, blank=True)
    record = models.ForeignKey(
        ImportRecord,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("import"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import in progress")
        verbose_name_plural = _("imports in progress")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")),
                name="accounts_importjob_done_within_total",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name} ({self.get_state_display()})"

    @property
    def finished(self):
        return self.state in self.FINISHED

    @property
    def percent(self):
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
