"""Events of the centre's calendar and the materials handed out at them."""

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import AuditTrail
from events.models.registrations import RegistrationStatus
from schools.models import School, Subject


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts only for methodologists; everything else is public."""
        if user.is_authenticated and user.is_methodologist:
            return self
        return self.exclude(status=Event.Status.DRAFT)

    def with_counts(self):
        """``confirmed_count`` of each event, counted for the rows read only (a subquery,
        not a join and a grouping of every registration of every event listed)."""
        registrations = self.model._meta.get_field("registrations").related_model
        confirmed = (
            registrations.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0)
        )


class Event(models.Model):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        MODEL_SEMINAR = "model_seminar", _("Model seminar")
        SUBJECT_SEMINAR = "subject_seminar", _("Subject-methodical seminar")
        WEBINAR = "webinar", _("Webinar")
        MASTER_CLASS = "master_class", _("Master class")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        CONTEST = "contest", _("Contest")
        HOLIDAY_SCHOOL = "holiday_school", _("Holiday school")
        OPEN_LESSON = "open_lesson", _("Open lesson")
        CONSULTATION = "consultation", _("Consultation")
        METHODICAL_DAY = "methodical_day", _("Methodical day")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Audience(models.TextChoices):
        TEACHERS = "teachers", _("Teachers")
        GRADUATING = "graduating", _("Teachers of graduating classes")
        YOUNG = "young", _("Young teachers")
        ADMINISTRATION = "administration", _("School administration")
        ALL = "all", _("All educators")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    host_school = models.ForeignKey(
        School,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host school"),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    # The network an event belongs to, if any: a partnership's event, an association's
    # meeting, the event that realised a roadmap activity.
    partnership = models.ForeignKey(
        "network.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("partnership"),
    )
    association = models.ForeignKey(
        "network.MethodicalAssociation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("methodical association"),
    )
    activity = models.ForeignKey(
        "network.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("roadmap activity it realises"),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to registered participants.")
    )
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="events", verbose_name=_("subjects")
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.TEACHERS
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    reserved_seats = models.PositiveIntegerField(
        _("seats reserved for supported schools"),
        default=0,
        help_text=_("Seats that only teachers of low-result and unfavourable schools may take."),
    )
    reserved_until = models.DateTimeField(
        _("seats reserved until"),
        null=True,
        blank=True,
        help_text=_("After this moment the reserved seats open to everyone."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # iCalendar's SEQUENCE: grows with each change of time, place, format, link or state
    # that calendar programs must take over (RFC 5545, 3.8.7.4).
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # The last change and the revision are the calendar's bookkeeping, not news for the trail.
    history = AuditTrail(excluded_fields=["updated_at", "sequence"])

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="events_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="events_event_capacity_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(reserved_seats__gte=0)
                & (Q(capacity__isnull=True) | Q(reserved_seats__lte=models.F("capacity"))),
                name="events_event_reserved_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gte=models.F("registration_opens_at")),
                name="events_event_registration_window_order",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    @property
    def is_contest(self):
        return self.kind == self.Kind.CONTEST

    @property
    def is_online(self):
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def place(self):
        """«МАОУ СОШ № 6, каб. 21»: the host school, then the room or address given."""
        if not self.host_school_id:
            return self.venue
        school = str(self.host_school)
        typed = self.host_school.short_name.casefold()
        if self.venue and typed not in self.venue.casefold():
            return f"{school}, {self.venue}"
        return self.venue or school

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def reservation_active(self):
        return bool(
            self.reserved_seats and self.reserved_until and timezone.now() < self.reserved_until
        )

    @property
    def registration_is_open(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and now < self.starts_at
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now <= self.registration_closes_at)
        )


class EventMaterial(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="materials", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="events/materials/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["pk"]

    def __str__(self):
        return self.title
