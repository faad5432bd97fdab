"""The bank of effective practices: a material, its files, its review thread, its marks."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail
from core.review import ReviewEntry
from core.storage import private_storage
from development.models import PlanItem
from events.models import Event
from network.models import Activity, RiskFactor
from practices.models.files import practice_file_path
from schools.models import School, Subject, Teacher

# The fields that search and counting write; the history keeps none of them.
UNTRACKED = ["search_text", "search_vector", "download_count", "useful_count"]


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Practice.State.PUBLISHED)

    def visible_to(self, user):
        """Published ones for every user; the centre all; a school its own and its authors'."""
        from schools.selectors import school_id_of

        if not user.is_authenticated:
            return self.none()
        if user.is_municipal:
            return self
        query = Q(state=Practice.State.PUBLISHED) | Q(submitted_by=user)
        school_id = school_id_of(user)
        if school_id is not None and user.is_director:
            query |= Q(school_id=school_id)
        profile = getattr(user, "teacher_profile", None)
        if profile is not None:
            query |= Q(
                pk__in=Practice.authors.through.objects.filter(teacher=profile).values("practice")
            )
        return self.filter(query)


class Practice(models.Model):
    """A practice or material that a school shares with the network (банк практик)."""

    class Kind(models.TextChoices):
        METHODICAL = "methodical", _("Methodical development")
        LESSON_PLAN = "lesson_plan", _("Lesson plan")
        PRACTICE = "practice", _("Description of a practice")
        PRESENTATION = "presentation", _("Presentation")
        VIDEO = "video", _("Video recording")
        PROGRAMME = "programme", _("Programme")
        REGULATION = "regulation", _("Regulatory document")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for revision")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn by its authors")

    EDITABLE = (State.DRAFT, State.RETURNED, State.WITHDRAWN)
    GRADES = [(grade, str(grade)) for grade in range(1, 12)]

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    description = models.TextField(_("description"))
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="practices", verbose_name=_("subjects")
    )
    grade_from = models.PositiveSmallIntegerField(
        _("from class"), choices=GRADES, null=True, blank=True
    )
    grade_to = models.PositiveSmallIntegerField(
        _("to class"), choices=GRADES, null=True, blank=True
    )
    risk_factor = models.ForeignKey(
        RiskFactor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("risk factor it answers"),
    )
    problem = models.CharField(_("problem it answers"), max_length=300, blank=True)
    form = models.CharField(
        _("form of interaction"), max_length=30, choices=Activity.Form.choices, blank=True
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="practices", verbose_name=_("school")
    )
    authors = models.ManyToManyField(Teacher, related_name="practices", verbose_name=_("authors"))
    link = models.URLField(_("link"), blank=True, max_length=500)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Where it came from: a seminar's materials or a roadmap activity's evidence.
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("event"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("roadmap activity"),
    )
    # The «обобщение опыта» item of a development plan that its publication closes.
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("development plan item"),
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    useful_count = models.PositiveIntegerField(_("marked useful"), default=0, db_index=True)
    # Lower-cased words of the practice (SQLite's lower() does not fold Cyrillic), and the
    # PostgreSQL vector in the `russian` configuration, with its GIN index (migration 0002).
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    history = AuditTrail(excluded_fields=UNTRACKED)
    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-useful_count", "-download_count", "-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(grade_from__isnull=True)
                | Q(grade_to__isnull=True)
                | Q(grade_to__gte=models.F("grade_from")),
                name="practices_practice_grades_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def grades(self):
        if self.grade_from and self.grade_to and self.grade_from != self.grade_to:
            return f"{self.grade_from}–{self.grade_to}"
        return str(self.grade_from or self.grade_to or "")


class PracticeFile(models.Model):
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="files", verbose_name=_("practice")
    )
    file = models.FileField(
        _("file"), upload_to=practice_file_path, storage=private_storage, max_length=200
    )
    name = models.CharField(_("file name"), max_length=200)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    history = AuditTrail()

    class Meta:
        verbose_name = _("practice file")
        verbose_name_plural = _("practice files")
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.name


class PracticeReview(ReviewEntry):
    """The review thread of a practice: submissions, returns, publication, comments."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("practice")
    )

    class Meta(ReviewEntry.Meta):
        verbose_name = _("review entry")
        verbose_name_plural = _("review entries")


class UsefulMark(models.Model):
    """«Пригодилось»: a user found the practice useful."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="useful_marks", verbose_name=_("practice")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("«useful» mark")
        verbose_name_plural = _("«useful» marks")
        constraints = [
            models.UniqueConstraint(fields=["practice", "user"], name="practices_usefulmark_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.practice}"
