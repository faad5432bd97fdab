"""Antirisk programmes, their measures, and the monitoring of the measures in three stages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from development.models import PlanItem
from events.models import Event
from network.models import Activity, Mentorship
from programmes.models.documents import Programme, RiskAssessment


def _day(moment):
    return timezone.localdate(moment) if moment else None


class Module(models.TextChoices):
    """The modules of a school's development programme (seed 004)."""

    TEACHING = "teaching", _("Quality of teaching and exchange of experience")
    ASSESSMENT = "assessment", _("Self-assessment, monitoring and diagnostics")
    MANAGEMENT = "management", _("Management and leadership")
    MOTIVATION = "motivation", _("Students' motivation")
    PARENTS = "parents", _("Work with parents and the local community")
    CONTENT = "content", _("Change of the content of education")
    PARTNERSHIP = "partnership", _("Social partnership")


class RiskProgramme(models.Model):
    """The antirisk programme for one risk that applies: goal, tasks and measures."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="risks", verbose_name=_("programme")
    )
    assessment = models.OneToOneField(
        RiskAssessment,
        on_delete=models.CASCADE,
        related_name="risk_programme",
        verbose_name=_("risk"),
    )
    goal = models.TextField(_("goal"), blank=True)
    tasks = models.TextField(_("tasks"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antirisk programme")
        verbose_name_plural = _("antirisk programmes")
        ordering = ["programme", "assessment__risk_factor__order"]

    def __str__(self):
        return str(self.assessment.risk_factor)


class Measure(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    risk = models.ForeignKey(
        RiskProgramme,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("antirisk programme"),
    )
    title = models.CharField(_("measure"), max_length=300)
    module = models.CharField(_("module"), max_length=20, choices=Module.choices)
    due_on = models.DateField(_("deadline"))
    responsible = models.CharField(_("responsible person"), max_length=200)
    indicator = models.CharField(_("indicator it should move"), max_length=300, blank=True)
    indicator_code = models.CharField(
        _("monitoring indicator"),
        max_length=50,
        blank=True,
        help_text=_(
            "An indicator of the monitoring: its approved values go into the monitoring stages."
        ),
    )
    target = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    higher_is_better = models.BooleanField(_("a higher value is better"), default=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED, db_index=True
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_measures",
        verbose_name=_("roadmap activity"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_measures",
        verbose_name=_("event"),
    )
    mentorship = models.ForeignKey(
        Mentorship,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_measures",
        verbose_name=_("mentorship"),
    )
    plan_items = models.ManyToManyField(
        PlanItem,
        blank=True,
        related_name="programme_measures",
        verbose_name=_("development plan items"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="done") | Q(completed_on__isnull=False),
                name="programmes_measure_done_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    # What realises the measure: each linked object that is finished, with its date.
    # The list pages select or prefetch these relations (selectors.measures_of).
    def realisations(self):
        found = []
        if self.activity_id and self.activity.state == Activity.State.DONE:
            found.append((self.activity, self.activity.completed_on))
        if self.event_id and self.event.status == Event.Status.HELD:
            found.append((self.event, timezone.localdate(self.event.ends_at)))
        if self.mentorship_id and self.mentorship.state == Mentorship.State.COMPLETED:
            found.append((self.mentorship, self.mentorship.ends_on))
        items = [item for item in self.plan_items.all() if item.status != PlanItem.Status.CANCELLED]
        if items and all(item.status == PlanItem.Status.DONE for item in items):
            found.append(
                (items[0], max(_day(item.completed_at) or item.due_date for item in items))
            )
        return found

    @property
    def shown_state(self):
        """The measure's own state, or done when something linked to it is finished."""
        if self.state in (self.State.DONE, self.State.CANCELLED):
            return self.state
        return self.State.DONE if self.realisations() else self.state

    def get_shown_state_display(self):
        return self.State(self.shown_state).label

    @property
    def done_on(self):
        if self.state == self.State.DONE:
            return self.completed_on
        dates = [day for _obj, day in self.realisations() if day is not None]
        return min(dates) if dates else None

    @property
    def done_in_time(self):
        done_on = self.done_on
        return (
            self.shown_state == self.State.DONE and done_on is not None and done_on <= self.due_on
        )

    @property
    def is_overdue(self):
        return self.shown_state in (self.State.PLANNED, self.State.IN_PROGRESS) and (
            self.due_on < timezone.localdate()
        )


class MonitoringRound(models.Model):
    """One of the three monitoring stages of a programme: the school's report and the
    curator's conclusion."""

    class Stage(models.TextChoices):
        ENTRY = "entry", _("Entry monitoring")
        INTERIM = "interim", _("Interim monitoring")
        FINAL = "final", _("Final monitoring")

    ORDER = (Stage.ENTRY, Stage.INTERIM, Stage.FINAL)

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("programme")
    )
    stage = models.CharField(_("monitoring stage"), max_length=10, choices=Stage.choices)
    entered_at = models.DateTimeField(_("entered"), default=timezone.now)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    conclusion = models.TextField(_("curator's conclusion"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("monitoring round")
        verbose_name_plural = _("monitoring rounds")
        ordering = ["programme", "entered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "stage"], name="programmes_monitoringround_one_per_stage"
            ),
        ]

    def __str__(self):
        return f"{self.get_stage_display()} — {self.programme}"


class MeasureProgress(models.Model):
    """A measure's state and its indicator's value as one monitoring round reported them."""

    round = models.ForeignKey(
        MonitoringRound,
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("monitoring round"),
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="progress", verbose_name=_("measure")
    )
    state = models.CharField(_("state"), max_length=20, choices=Measure.State.choices)
    value = models.DecimalField(
        _("indicator value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    monitoring_period = models.CharField(
        _("monitoring period of the value"),
        max_length=20,
        blank=True,
        help_text=_("Empty when the school typed the value."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("measure progress")
        verbose_name_plural = _("measure progress")
        ordering = ["round", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "measure"], name="programmes_measureprogress_one_per_round"
            ),
        ]

    def __str__(self):
        return f"{self.measure}: {self.get_state_display()}"

    @property
    def from_monitoring(self):
        return bool(self.monitoring_period)

    @property
    def reached(self):
        """The indicator reached its target (None when either is missing)."""
        target = self.measure.target
        if target is None or self.value is None:
            return None
        return self.value >= target if self.measure.higher_is_better else self.value <= target
