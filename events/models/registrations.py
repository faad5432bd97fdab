"""A teacher's seat at an event, and what it leads to: a certificate, feedback."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail
from schools.models import Teacher
from schools.selectors import teacher_rows_visible_to


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def visible_to(self, user):
        """Municipal staff see all; a director their school's; a teacher their own."""
        return teacher_rows_visible_to(self, user)

    def waiting_order(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    Status = RegistrationStatus

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    teacher = models.ForeignKey(
        Teacher, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("teacher")
    )
    status = models.CharField(_("state"), max_length=20, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # The reminder's bookkeeping is not a change anybody made.
    history = AuditTrail(excluded_fields=["reminded_at"])

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "teacher"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="events_registration_one_active_per_teacher",
            ),
            models.CheckConstraint(
                condition=Q(attended__isnull=True) | ~Q(status=RegistrationStatus.WAITLISTED),
                name="events_registration_waitlisted_not_attended",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="events_reg_event_status"),
            # The admin's changelist sorts by it.
            models.Index(fields=["created_at", "id"], name="events_reg_created"),
        ]

    def __str__(self):
        return f"{self.teacher.full_name} — {self.event.title}"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED


def new_certificate_code():
    return "-".join(secrets.token_hex(3).upper() for _ in range(3))


class Certificate(models.Model):
    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("registration"),
    )
    code = models.CharField(_("code"), max_length=32, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    history = AuditTrail()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code


class Feedback(models.Model):
    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("registration"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("left at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="events_feedback_rating_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.registration}: {self.rating}"
