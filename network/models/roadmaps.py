from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.review import ReviewEntry
from core.storage import private_storage
from network.models.files import evidence_path
from network.models.partnerships import Partnership, RiskFactor
from schools.models import School, Teacher


class Roadmap(models.Model):
    """The roadmap (дорожная карта) of a partnership: three stages, problems, activities."""

    partnership = models.OneToOneField(
        Partnership,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="roadmap",
        verbose_name=_("partnership"),
    )
    conclusion = models.TextField(_("overall conclusion"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def __str__(self):
        return str(self.partnership)


class Stage(models.Model):
    class Kind(models.TextChoices):
        ACQUAINTANCE = "acquaintance", _("Acquaintance")
        JOINT_ACTIVITY = "joint_activity", _("Joint activity implementing the roadmap")
        REFLECTION = "reflection", _("Reflective and summarising")

    class State(models.TextChoices):
        LOCKED = "locked", _("Not started")
        OPEN = "open", _("In progress")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")

    EDITABLE = (State.OPEN, State.RETURNED)
    CURRENT = (State.OPEN, State.SUBMITTED, State.RETURNED)
    ORDER = (Kind.ACQUAINTANCE, Kind.JOINT_ACTIVITY, Kind.REFLECTION)

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="stages", verbose_name=_("roadmap")
    )
    kind = models.CharField(_("stage"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.LOCKED, db_index=True
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["roadmap", "number"]
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "kind"], name="network_stage_one_per_kind"),
            models.UniqueConstraint(
                fields=["roadmap"],
                condition=Q(state__in=["open", "submitted", "returned"]),
                name="network_stage_one_current_per_roadmap",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=3), name="network_stage_number_range"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="network_stage_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.get_kind_display()} — {self.roadmap}"

    @property
    def is_editable(self):
        return self.state in self.EDITABLE

    @property
    def is_current(self):
        return self.state in self.CURRENT


class StageComment(ReviewEntry):
    """One entry of a stage's review thread: a comment or a recorded transition."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("stage")
    )

    class Meta(ReviewEntry.Meta):
        verbose_name = _("stage comment")
        verbose_name_plural = _("stage comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action__in=["comment", "returned"]) | ~Q(text=""),
                name="network_stagecomment_text_required",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.stage}"


class Problem(models.Model):
    """A problem that stage 1 identified and the partner must help with."""

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="problems", verbose_name=_("roadmap")
    )
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="network_problems",
        verbose_name=_("school"),
    )
    title = models.CharField(_("problem"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    risk_factor = models.ForeignKey(
        RiskFactor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="problems",
        verbose_name=_("risk factor"),
    )
    outcome = models.TextField(_("what changed"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["roadmap", "pk"]

    def __str__(self):
        return self.title


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(stage__roadmap__partnership__in=Partnership.objects.visible_to(user))

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(state__in=Activity.OPEN_STATES, due_on__lt=today)


class Activity(models.Model):
    class Form(models.TextChoices):
        JOINT_CURRICULA = "joint_curricula", _("Joint curricula and educational programmes")
        COMMON_ASSESSMENT = "common_assessment", _("Common forms of assessment")
        METHODICAL_DAY = "methodical_day", _("Methodical day or consultation")
        SEMINAR = "seminar", _("Seminar or other further training")
        PEDAGOGICAL_COUNCIL = "pedagogical_council", _("Joint pedagogical council")
        PARENT_MEETING = "parent_meeting", _("Joint parent meeting")
        STUDENT_EVENT = "student_event", _("Joint event for students")
        LESSON_VISITS = "lesson_visits", _("Mutual lesson visits")
        INTERNSHIP = "internship", _("Internship")
        MENTORING = "mentoring", _("Mentoring")
        ATTESTATION = "attestation", _("Common approach to teachers' attestation")
        SHARED_RESOURCES = (
            "shared_resources",
            _("Shared use of library, computer class, gym, equipment, bus"),
        )
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATES = (State.PLANNED, State.IN_PROGRESS)

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="activities", verbose_name=_("stage")
    )
    title = models.CharField(_("activity"), max_length=300)
    form = models.CharField(_("form of interaction"), max_length=30, choices=Form.choices)
    problem = models.ForeignKey(
        Problem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("problem addressed"),
    )
    responsible_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="network_activities",
        verbose_name=_("responsible school"),
    )
    responsible_person = models.CharField(_("responsible person"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        Teacher, blank=True, related_name="network_activities", verbose_name=_("participants")
    )
    due_on = models.DateField(_("due date"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED, db_index=True
    )
    result = models.TextField(_("result"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to=evidence_path,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    evidence_name = models.CharField(_("evidence file name"), max_length=200, blank=True)
    evidence_link = models.URLField(_("evidence link"), blank=True, max_length=500)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    history = HistoricalRecords()
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("roadmap activity")
        verbose_name_plural = _("roadmap activities")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="done") | (~Q(result="") & Q(completed_on__isnull=False)),
                name="network_activity_done_has_result",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return self.state in self.OPEN_STATES and self.due_on < timezone.localdate()

    @property
    def has_evidence(self):
        return bool(self.evidence_file) or bool(self.evidence_link)
