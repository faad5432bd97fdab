"""Diagnostics of teachers' professional difficulties: questionnaires and their answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail
from schools.models import School, Teacher


class Scale(models.TextChoices):
    ZERO_TO_THREE = "0-3", _("0–3: from no difficulty to serious difficulty")
    ONE_TO_FIVE = "1-5", _("1–5: from no difficulty to very serious difficulty")


SCALE_RANGE = {Scale.ZERO_TO_THREE: (0, 3), Scale.ONE_TO_FIVE: (1, 5)}


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("Being composed")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class QuestionnaireQuerySet(models.QuerySet):
    def open_for(self, teacher):
        """Open questionnaires whose audience includes the teacher."""
        audiences = [Questionnaire.Audience.ALL]
        if teacher.school.is_supported:
            audiences.append(Questionnaire.Audience.SUPPORTED)
        if teacher.teaches_graduating_classes:
            audiences.append(Questionnaire.Audience.GRADUATING)
        return self.filter(status=QuestionnaireStatus.OPEN, audience__in=audiences)


class Questionnaire(models.Model):
    Status = QuestionnaireStatus
    Scale = Scale

    class Audience(models.TextChoices):
        ALL = "all", _("All teachers")
        SUPPORTED = "supported", _("Teachers of low-result and unfavourable schools")
        GRADUATING = "graduating", _("Teachers of graduating classes")

    title = models.CharField(_("title"), max_length=300)
    instructions = models.TextField(_("instructions"), blank=True)
    year = models.PositiveSmallIntegerField(
        _("academic year"),
        help_text=_("The year the academic year starts, e.g. 2025 for 2025/2026."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.ALL
    )
    scale = models.CharField(
        _("scale"), max_length=5, choices=Scale.choices, default=Scale.ZERO_TO_THREE
    )
    open_question = models.CharField(
        _("open question"),
        max_length=300,
        blank=True,
        default="Какие ещё профессиональные затруднения вы испытываете?",
    )
    status = models.CharField(
        _("state"),
        max_length=10,
        choices=QuestionnaireStatus.choices,
        default=QuestionnaireStatus.DRAFT,
        db_index=True,
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("composed by"),
    )

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_questionnaire"
        verbose_name = _("diagnostic questionnaire")
        verbose_name_plural = _("diagnostic questionnaires")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="monitoring_questionnaire_year_range",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.academic_year})"

    @property
    def academic_year(self):
        return f"{self.year}/{self.year + 1}"

    @property
    def scale_range(self):
        return SCALE_RANGE[Scale(self.scale)]

    @property
    def scale_values(self):
        low, high = self.scale_range
        return list(range(low, high + 1))


class Section(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("questionnaire"),
    )
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_section"
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["questionnaire", "order", "pk"]

    def __str__(self):
        return self.title


class Difficulty(models.Model):
    """A statement of the questionnaire: one area where a teacher may find difficulty."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="difficulties", verbose_name=_("section")
    )
    text = models.CharField(_("statement"), max_length=400)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_difficulty"
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["section__order", "section_id", "order", "pk"]

    def __str__(self):
        return self.text


class Response(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("questionnaire"),
    )
    teacher = models.ForeignKey(
        Teacher,
        on_delete=models.CASCADE,
        related_name="questionnaire_responses",
        verbose_name=_("teacher"),
    )
    # The school when answering: a teacher who moves keeps their answer with the old school.
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    open_answer = models.TextField(_("answer to the open question"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    history = AuditTrail()

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_response"
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "teacher"], name="monitoring_response_one_per_teacher"
            )
        ]

    def __str__(self):
        return f"{self.teacher.full_name} — {self.questionnaire.title}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    difficulty = models.ForeignKey(
        Difficulty, on_delete=models.CASCADE, related_name="answers", verbose_name=_("statement")
    )
    value = models.PositiveSmallIntegerField(_("value"))
    history = AuditTrail()

    class Meta:
        # Kept from when it lived in the monitoring app: the data stays where it is.
        db_table = "monitoring_answer"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "difficulty"], name="monitoring_answer_one_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0) & Q(value__lte=5), name="monitoring_answer_value_0_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.difficulty}: {self.value}"
