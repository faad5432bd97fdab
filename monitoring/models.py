"""Indicators (показатели): catalogue, periods, values, targets and the school's submission.

The states of a school's submission follow DHIS2's data approval: draft, submitted,
approved, returned.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formats import decimal_comma
from core.history import AuditTrail
from schools.models import School


class PeriodQuerySet(models.QuerySet):
    def current(self, today=None):
        """The period that contains today, else the latest one."""
        today = today or timezone.localdate()
        return (
            self.filter(starts_on__lte=today, ends_on__gte=today).order_by("-starts_on").first()
            or self.order_by("-starts_on").first()
        )


class Period(models.Model):
    """An academic year (2024/2025) for which values are entered."""

    class State(models.TextChoices):
        OPEN = "open", _("Open for entry")
        LOCKED = "locked", _("Locked")

    name = models.CharField(_("name"), max_length=20, unique=True, help_text=_("E.g. 2024/2025"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.OPEN, db_index=True
    )
    history = AuditTrail()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="monitoring_period_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_locked(self):
        return self.state == self.State.LOCKED


class Indicator(models.Model):
    class Unit(models.TextChoices):
        PERCENT = "percent", _("percent")
        COUNT = "count", _("count")
        NUMBER = "number", _("numeric value")

    class Source(models.TextChoices):
        ENTERED = "entered", _("Entered by the school")
        IMPORTED = "imported", _("Imported by the centre")
        COMPUTED = "computed", _("Computed by the portal")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Group(models.TextChoices):
        RESULTS = "results", _("Educational results")
        OLYMPIAD = "olympiad", _("Olympiads and contests")
        TEACHERS = "teachers", _("Teachers")
        NETWORK = "network", _("Network interaction")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    source = models.CharField(_("how it is obtained"), max_length=10, choices=Source.choices)
    direction = models.CharField(
        _("which direction is better"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.HIGHER,
    )
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    method = models.TextField(_("method"), blank=True)
    numerator_label = models.CharField(_("numerator"), max_length=100, blank=True)
    denominator_label = models.CharField(_("denominator"), max_length=100, blank=True)
    not_above = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("may not exceed"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    @property
    def is_percent(self):
        return self.unit == self.Unit.PERCENT

    @property
    def is_count(self):
        return self.unit == self.Unit.COUNT

    @property
    def is_computed(self):
        return self.source == self.Source.COMPUTED

    @property
    def higher_is_better(self):
        return self.direction == self.Direction.HIGHER


class IndicatorValueQuerySet(models.QuerySet):
    def published(self):
        """Values the dashboards show: imported, computed, or of an approved submission."""
        approved = IndicatorSubmission.objects.filter(
            school_id=OuterRef("school_id"),
            period_id=OuterRef("period_id"),
            state=IndicatorSubmission.State.APPROVED,
        )
        return self.filter(~Q(source=Indicator.Source.ENTERED) | Q(Exists(approved)))


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("school")
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="values", verbose_name=_("period")
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    numerator = models.DecimalField(
        _("numerator"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(
        _("where it came from"), max_length=10, choices=Indicator.Source.choices
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    history = AuditTrail()

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        # Plain columns: an ordering that joins would sort the whole table under every query.
        ordering = ["period_id", "school_id", "indicator_id"]
        indexes = [
            models.Index(
                fields=["period", "school", "indicator"], name="monitoring_value_period_school"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "school", "period"],
                name="monitoring_indicatorvalue_one_per_school_period",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="monitoring_indicatorvalue_value_non_negative"
            ),
            models.CheckConstraint(
                condition=(Q(numerator__isnull=True) | Q(numerator__gte=0))
                & (Q(denominator__isnull=True) | Q(denominator__gt=0)),
                name="monitoring_indicatorvalue_parts_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True)
                | Q(denominator__isnull=True)
                | Q(numerator__lte=models.F("denominator")),
                name="monitoring_indicatorvalue_numerator_within_denominator",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name} — {self.school} — {self.period}: {decimal_comma(self.value)}"


class Target(models.Model):
    """The value a school, or the municipality (no school), aims at for a period."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="targets", verbose_name=_("period")
    )
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicator_targets",
        verbose_name=_("school"),
        help_text=_("Empty for the municipality's target."),
    )
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    history = AuditTrail()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["period", "indicator__order", "school"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "school"],
                condition=Q(school__isnull=False),
                name="monitoring_target_one_per_school",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=Q(school__isnull=True),
                name="monitoring_target_one_municipal",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="monitoring_target_value_non_negative"
            ),
        ]

    def __str__(self):
        whose = self.school or _("municipality")
        return f"{self.indicator.name} — {whose} — {self.period}: {decimal_comma(self.value)}"


class IndicatorSubmission(models.Model):
    """A school's data for a period on its way to approval."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned to the school")

    EDITABLE = (State.DRAFT, State.RETURNED)

    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        related_name="indicator_submissions",
        verbose_name=_("school"),
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("period")
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("sent to the centre"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed by the centre"), null=True, blank=True)
    history = AuditTrail()

    class Meta:
        verbose_name = _("indicator submission")
        verbose_name_plural = _("indicator submissions")
        ordering = ["period", "school"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "period"], name="monitoring_indicatorsubmission_one_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.school} — {self.period}: {self.get_state_display()}"

    @property
    def is_editable(self):
        return self.state in self.EDITABLE


class SubmissionComment(models.Model):
    """One entry of a submission's thread: a comment or a recorded transition."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned to the school")
        REOPENED = "reopened", _("Reopened")

    submission = models.ForeignKey(
        IndicatorSubmission,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("submission"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    text = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("submission comment")
        verbose_name_plural = _("submission comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="returned") | ~Q(text=""),
                name="monitoring_submissioncomment_return_has_text",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.submission}"


HUNDRED = Decimal(100)
