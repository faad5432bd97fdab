"""The school's risk profile and its programme: the two documents the curator reviews."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.dates import academic_year_label
from core.review import ReviewAction, ReviewEntry
from network.models import RiskFactor
from schools.models import School


class Curatorship(models.Model):
    """The methodologist the centre assigned to a supported school as its curator."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="curatorship", verbose_name=_("school")
    )
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="curated_schools",
        verbose_name=_("curator"),
        limit_choices_to={"role": "methodologist"},
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("curatorship")
        verbose_name_plural = _("curatorships")
        ordering = ["school__sort_name"]

    def __str__(self):
        return f"{self.school} — {self.curator}"


class ReviewState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("document state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("document state", "Submitted for review")
    RETURNED = "returned", pgettext_lazy("document state", "Returned for revision")
    ACCEPTED = "accepted", pgettext_lazy("document state", "Accepted")


EDITABLE = (ReviewState.DRAFT, ReviewState.RETURNED)


class RiskProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The centre sees every school's; school staff their own school's."""
        from schools.selectors import school_id_of

        if not user.is_authenticated:
            return self.none()
        if user.is_municipal:
            return self
        school_id = school_id_of(user)
        if school_id is None:
            return self.none()
        return self.filter(school_id=school_id)


class RiskProfile(models.Model):
    """The school's self-diagnosis (самодиагностика) for an academic year."""

    State = ReviewState
    EDITABLE = EDITABLE

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="risk_profiles", verbose_name=_("school")
    )
    year = models.PositiveSmallIntegerField(
        _("academic year"),
        help_text=_("The year the academic year starts, e.g. 2025 for 2025/2026."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    history = HistoricalRecords()
    objects = RiskProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk profile")
        verbose_name_plural = _("risk profiles")
        ordering = ["-year", "school__sort_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year"], name="programmes_riskprofile_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="programmes_riskprofile_year_range",
            ),
        ]

    def __str__(self):
        return f"{self.school} — {self.academic_year}"

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.pk])

    @property
    def academic_year(self):
        return academic_year_label(self.year)

    @property
    def is_editable(self):
        return self.state in self.EDITABLE


class RiskAssessment(models.Model):
    """One risk factor as the school assessed it, and whether it applies."""

    class Level(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    profile = models.ForeignKey(
        RiskProfile,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("risk profile"),
    )
    risk_factor = models.ForeignKey(
        RiskFactor,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("risk factor"),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    applies = models.BooleanField(_("the risk applies"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        ordering = ["profile", "risk_factor__order", "risk_factor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "risk_factor"], name="programmes_riskassessment_one_per_factor"
            ),
        ]

    def __str__(self):
        return str(self.risk_factor)


class ProfileEntry(ReviewEntry):
    """One entry of a risk profile's review thread."""

    profile = models.ForeignKey(
        RiskProfile,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("risk profile"),
    )

    class Meta(ReviewEntry.Meta):
        verbose_name = _("risk profile review entry")
        verbose_name_plural = _("risk profile review entries")
        constraints = [
            models.CheckConstraint(
                condition=~Q(action__in=["comment", "returned"]) | ~Q(text=""),
                name="programmes_profileentry_text_required",
            )
        ]


class Programme(models.Model):
    """The programme of transition to effective work (программа перехода в эффективный режим)."""

    State = ReviewState
    EDITABLE = EDITABLE

    profile = models.OneToOneField(
        RiskProfile,
        on_delete=models.CASCADE,
        related_name="programme",
        verbose_name=_("risk profile"),
    )
    goal = models.TextField(_("goal of the development concept"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-profile__year", "profile__school__sort_name"]

    def __str__(self):
        return str(self.profile)

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.profile_id])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE


# The curator's conclusion on each monitoring stage, recorded in the programme's thread.
CONCLUDED = {
    "entry": "concluded_entry",
    "interim": "concluded_interim",
    "final": "concluded_final",
}
PROGRAMME_ACTIONS = [
    *ReviewAction.choices,
    (CONCLUDED["entry"], _("Conclusion on the entry monitoring")),
    (CONCLUDED["interim"], _("Conclusion on the interim monitoring")),
    (CONCLUDED["final"], _("Conclusion on the final monitoring")),
]


class ProgrammeEntry(ReviewEntry):
    """One entry of a programme's review thread: a comment, a move of the review, or the
    curator's conclusion on a monitoring stage."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="entries", verbose_name=_("programme")
    )
    action = models.CharField(
        _("action"), max_length=20, choices=PROGRAMME_ACTIONS, default=ReviewAction.COMMENT
    )
    monitoring_round = models.ForeignKey(
        "programmes.MonitoringRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("monitoring stage"),
    )

    class Meta(ReviewEntry.Meta):
        verbose_name = _("programme review entry")
        verbose_name_plural = _("programme review entries")
        constraints = [
            models.CheckConstraint(
                condition=~Q(action__in=["comment", "returned"]) | ~Q(text=""),
                name="programmes_programmeentry_text_required",
            )
        ]
