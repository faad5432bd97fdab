"""Individual development plans of teachers (ИППР) and the templates they start from."""

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import academic_year_label
from core.history import AuditTrail
from core.storage import private_storage
from development.models.questionnaires import Difficulty
from events.models import Certificate, Event
from schools.models import Teacher
from schools.selectors import teacher_rows_visible_to

EVIDENCE_EXTENSIONS = ["pdf", "docx", "xlsx", "jpg", "jpeg", "png"]


def evidence_path(instance, filename):
    # Private storage has no URL; the random folder keeps the teacher's file name for download.
    return f"monitoring/evidence/{timezone.now():%Y}/{uuid.uuid4().hex}/{filename}"


class ItemKind(models.TextChoices):
    COURSE = "course", _("Refresher course")
    ATTESTATION = "attestation", _("Attestation")
    SEMINAR = "seminar", _("Seminar or webinar")
    OPEN_LESSON = "open_lesson", _("Open lesson")
    MASTER_CLASS = "master_class", _("Master class")
    INTERNSHIP = "internship", _("Internship")
    MUTUAL_VISITS = "mutual_visits", _("Mutual lesson visits")
    MENTORING = "mentoring", _("Mentoring")
    SELF_EDUCATION = "self_education", _("Self-education")
    # Done when the teacher's practice is published in the bank (the practices app).
    EXPERIENCE = "experience", _("Summarising one's experience")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved (active)")
    COMPLETED = "completed", _("Completed")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class PlanTemplate(models.Model):
    """A plan the centre prepares for a group of teachers to start from."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    description = models.TextField(_("description"), blank=True)
    theme = models.CharField(_("suggested theme of self-education"), max_length=300, blank=True)
    is_active = models.BooleanField(_("offered to teachers"), default=True)

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_plantemplate"
        verbose_name = _("plan template")
        verbose_name_plural = _("plan templates")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PlanTemplateItem(models.Model):
    template = models.ForeignKey(
        PlanTemplate, on_delete=models.CASCADE, related_name="items", verbose_name=_("template")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    due_month = models.PositiveSmallIntegerField(
        _("due month"), help_text=_("1–12: the item is due at the end of this month.")
    )

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_plantemplateitem"
        verbose_name = _("template item")
        verbose_name_plural = _("template items")
        ordering = ["template", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_month__gte=1) & Q(due_month__lte=12),
                name="monitoring_plantemplateitem_month_1_to_12",
            )
        ]

    def __str__(self):
        return self.title

    def due_date(self, year):
        """The last day of the due month within the academic year that starts in ``year``."""
        calendar_year = year if self.due_month >= 9 else year + 1
        if self.due_month == 12:
            return date(calendar_year, 12, 31)
        return date(calendar_year, self.due_month + 1, 1) - date.resolution


class DevelopmentPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Methodologists and coordinators see all; a director their school's; a teacher own."""
        return teacher_rows_visible_to(self, user)

    def with_progress(self):
        today = timezone.localdate()
        return self.annotate(
            item_count=Count("items", filter=~Q(items__status=ItemStatus.CANCELLED)),
            done_count=Count("items", filter=Q(items__status=ItemStatus.DONE)),
            overdue_count=Count(
                "items",
                filter=Q(items__status=ItemStatus.PLANNED, items__due_date__lt=today),
            ),
        )


class DevelopmentPlan(models.Model):
    Status = PlanStatus

    teacher = models.ForeignKey(
        Teacher,
        on_delete=models.CASCADE,
        related_name="development_plans",
        verbose_name=_("teacher"),
    )
    year = models.PositiveSmallIntegerField(
        _("academic year"),
        help_text=_("The year the academic year starts, e.g. 2025 for 2025/2026."),
    )
    theme = models.CharField(_("theme of self-education"), max_length=300)
    goals = models.TextField(_("goals"), blank=True)
    difficulties = models.ManyToManyField(
        Difficulty,
        blank=True,
        related_name="plans",
        verbose_name=_("difficulties the plan answers"),
    )
    template = models.ForeignKey(
        PlanTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("started from template"),
    )
    status = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    history = AuditTrail()

    objects = DevelopmentPlanQuerySet.as_manager()

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_developmentplan"
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-year", "teacher__last_name", "teacher__first_name"]
        # The admin's list, newest first without a join (development.admin).
        indexes = [models.Index(fields=["year", "id"], name="monitoring_devplan_year_id")]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "year"], name="monitoring_developmentplan_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="monitoring_developmentplan_year_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=PlanStatus.APPROVED) | Q(approved_at__isnull=False),
                name="monitoring_developmentplan_approved_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.teacher.full_name} — {self.academic_year}"

    @property
    def academic_year(self):
        return academic_year_label(self.year)

    @property
    def is_editable(self):
        """Theme, goals and the list of items change only before approval."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def items_open(self):
        """Items may be added, completed or cancelled unless the plan is under review or closed."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED, self.Status.APPROVED)


class PlanItem(models.Model):
    Kind = ItemKind
    Status = ItemStatus

    class Completion(models.TextChoices):
        MANUAL = "manual", _("By the teacher, with evidence")
        ATTENDANCE = "attendance", _("By attendance at the event")

    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("event"),
    )
    completion = models.CharField(
        _("how it was completed"), max_length=20, choices=Completion.choices, blank=True
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to=evidence_path,
        storage=private_storage,
        max_length=300,
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)
    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("certificate"),
    )
    history = AuditTrail()

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_planitem"
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "event"],
                condition=Q(event__isnull=False),
                name="monitoring_planitem_one_per_event",
            ),
            models.CheckConstraint(
                condition=~Q(status=ItemStatus.DONE)
                | (Q(completed_at__isnull=False) & ~Q(completion="")),
                name="monitoring_planitem_done_has_completion",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_overdue(self):
        return self.status == self.Status.PLANNED and self.due_date < timezone.localdate()

    @property
    def has_evidence(self):
        return bool(self.evidence_file or self.evidence_url or self.certificate_id)


class PlanComment(models.Model):
    """A comment on a plan, or the record of one of its transitions, visible to both sides."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment or decision")
        ATTENDED = "attended", _("Attendance marked")
        ATTENDANCE_WITHDRAWN = "attendance_withdrawn", _("Attendance withdrawn")

    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="comments", verbose_name=_("plan")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.COMMENT)
    # For the attendance kinds, the item's title: the sentence is rendered in the reader's language.
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("new state"), max_length=20, choices=PlanStatus.choices, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_plancomment"
        verbose_name = _("plan comment")
        verbose_name_plural = _("plan comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author}: {self.text[:50]}"
