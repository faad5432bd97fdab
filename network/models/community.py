from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from network.models.partnerships import Partnership
from schools.models import Subject, Teacher


def _school_user_filter(user, *paths):
    """Rows that involve the user's school through any of the given teacher paths."""
    from schools.selectors import school_id_of

    if not user.is_authenticated:
        return None
    if user.is_municipal:
        return Q()
    school_id = school_id_of(user)
    if school_id is None:
        return None
    query = Q()
    for path in paths:
        query |= Q(**{f"{path}__school_id": school_id})
    return query


class MethodicalAssociationQuerySet(models.QuerySet):
    def visible_to(self, user):
        query = _school_user_filter(user, "leader", "members")
        return self.none() if query is None else self.filter(query).distinct()


class MethodicalAssociation(models.Model):
    """An inter-school methodical association of subject teachers."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    subjects = models.ManyToManyField(
        Subject, related_name="methodical_associations", verbose_name=_("subjects")
    )
    leader = models.ForeignKey(
        Teacher,
        on_delete=models.PROTECT,
        related_name="led_associations",
        verbose_name=_("leader"),
    )
    members = models.ManyToManyField(
        Teacher, blank=True, related_name="methodical_associations", verbose_name=_("members")
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="associations",
        verbose_name=_("partnership"),
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = MethodicalAssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("methodical association")
        verbose_name_plural = _("methodical associations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def member_school_ids(self) -> set[int]:
        if not hasattr(self, "_member_school_ids"):
            members = {teacher.school_id for teacher in self.members.all()}
            self._member_school_ids = {self.leader.school_id, *members}
        return self._member_school_ids


class MentorshipQuerySet(models.QuerySet):
    def visible_to(self, user):
        query = _school_user_filter(user, "mentor", "mentee")
        return self.none() if query is None else self.filter(query)


class Mentorship(models.Model):
    class Kind(models.TextChoices):
        MENTORING = "mentoring", _("Mentoring")
        COACHING = "coaching", _("Coaching")
        TUTORING = "tutoring", _("Tutoring")

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    mentor = models.ForeignKey(
        Teacher, on_delete=models.PROTECT, related_name="mentorships", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        Teacher,
        on_delete=models.PROTECT,
        related_name="mentored_by",
        verbose_name=_("mentee"),
        help_text=_("A teacher or a member of a school's administration."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MENTORING)
    goal = models.TextField(_("goal"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED, db_index=True
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("partnership"),
    )

    history = HistoricalRecords()
    objects = MentorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mentor=models.F("mentee")), name="network_mentorship_not_self"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="network_mentorship_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["mentor", "mentee", "kind"],
                condition=Q(state__in=["planned", "active"]),
                name="network_mentorship_one_active_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.mentor.full_name} → {self.mentee.full_name} ({self.get_kind_display()})"
