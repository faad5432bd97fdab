"""What the portal tells a user: in the portal, by e-mail at once, or in a daily digest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Every step that waits on someone; the user chooses a channel per kind."""

    STAGE_SUBMITTED = "stage_submitted", _("A roadmap stage is submitted for review")
    STAGE_RETURNED = "stage_returned", _("A roadmap stage is returned for revision")
    STAGE_ACCEPTED = "stage_accepted", _("A roadmap stage is accepted")
    PLAN_SUBMITTED = "plan_submitted", _("A development plan is submitted for approval")
    PLAN_APPROVED = "plan_approved", _("A development plan is approved")
    PLAN_RETURNED = "plan_returned", _("A development plan is returned for revision")
    SUBMISSION_APPROVED = "submission_approved", _("Indicator values are approved")
    SUBMISSION_RETURNED = "submission_returned", _("Indicator values are returned")
    REPORT_DONE = "report_done", _("An ordered report is ready")
    REPORT_FAILED = "report_failed", _("An ordered report failed")
    APPLICATION_REVIEWED = "application_reviewed", _("A contest application is reviewed")
    ACTIVITY_ASSIGNED = "activity_assigned", _("An activity is assigned to your school")
    ACTIVITY_DUE = "activity_due", _("An activity of your school is due in three days")
    ACTIVITY_OVERDUE = "activity_overdue", _("An activity of your school is overdue")
    PERIOD_OPENED = "period_opened", _("A monitoring period is open for data entry")
    PERIOD_DEADLINE = "period_deadline", _("The deadline of a monitoring period is near")
    PRACTICE_SUBMITTED = "practice_submitted", _("A practice is submitted to the bank")
    PRACTICE_PUBLISHED = "practice_published", _("Your practice is published in the bank")
    PRACTICE_RETURNED = "practice_returned", _("Your practice is returned for revision")
    ASSOCIATION_POST = "association_post", _("A new post in your methodical association")
    POST_COMMENT = "post_comment", _("A comment on your post in an association")
    PROGRAMME_SUBMITTED = (
        "programme_submitted",
        _("A school's risk profile or programme is submitted for review"),
    )
    PROGRAMME_RETURNED = (
        "programme_returned",
        _("Your school's risk profile or programme is returned for revision"),
    )
    PROGRAMME_ACCEPTED = (
        "programme_accepted",
        _("Your school's risk profile or programme is accepted"),
    )
    CURATOR_ASSIGNED = "curator_assigned", _("You are assigned as a school's curator")
    WEEKLY_DIGEST = "weekly_digest", _("The weekly summary for methodologists")
    # The events app e-mails these itself; the portal shows them too.
    EVENT_REGISTRATION = "event_registration", _("Your registration for an event")
    EVENT_CHANGED = "event_changed", _("An event you are registered for changed")
    EVENT_REMINDER = "event_reminder", _("An event you are registered for is tomorrow")


# Kinds whose e-mail is the events app's own letter: no channel to choose.
MAILED_ELSEWHERE = {Kind.EVENT_REGISTRATION, Kind.EVENT_CHANGED, Kind.EVENT_REMINDER}


class Channel(models.TextChoices):
    PORTAL = "portal", _("In the portal only")
    EMAIL = "email", _("By e-mail at once")
    DIGEST = "digest", _("In a daily e-mail digest")


DEFAULT_CHANNEL = Channel.EMAIL


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    # A path inside the portal; e-mails make it absolute with PORTAL_BASE_URL.
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    # Reminders that a daily task sends carry a key, so that each goes to a user once.
    key = models.CharField(_("key"), max_length=100, blank=True, db_index=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self):
        return self.title


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} — {self.get_channel_display()}"
