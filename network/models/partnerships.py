from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.storage import private_storage
from network.models.files import agreement_path
from schools.models import PartnerOrganisation, School


class RiskFactor(models.Model):
    """A risk factor of the "500+" risk profile that self-diagnosis may reveal."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("risk factor")
        verbose_name_plural = _("risk factors")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every partnership for the municipality; only its own school's for anyone else."""
        from schools.selectors import school_id_of

        if not user.is_authenticated:
            return self.none()
        if user.is_municipal:
            return self
        school_id = school_id_of(user)
        if school_id is None:
            return self.none()
        return self.filter(Q(leader_id=school_id) | Q(schools__id=school_id)).distinct()

    def with_member(self, school):
        return self.filter(Q(leader=school) | Q(schools=school)).distinct()


class Partnership(models.Model):
    class Model(models.TextChoices):
        COOPERATION_AGREEMENT = (
            "cooperation_agreement",
            _("School district: cooperation agreement and joint activity plan"),
        )
        NETWORK_PROGRAMMES = (
            "network_programmes",
            _("School district: joint educational programmes in network form"),
        )
        SOCIAL_PARTNERSHIP = "social_partnership", _("Social partnership")
        INNOVATION_INFRASTRUCTURE = (
            "innovation_infrastructure",
            _("Innovation infrastructure: spreading experience"),
        )

    title = models.CharField(_("title"), max_length=300)
    leader = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        related_name="led_partnerships",
        verbose_name=_("leader school"),
    )
    schools = models.ManyToManyField(
        School, related_name="supported_partnerships", verbose_name=_("supported schools")
    )
    partners = models.ManyToManyField(
        PartnerOrganisation,
        blank=True,
        related_name="partnerships",
        verbose_name=_("partner organisations"),
    )
    agreement_number = models.CharField(_("agreement number"), max_length=50, blank=True)
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    agreement_file = models.FileField(
        _("agreement file"),
        upload_to=agreement_path,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    model = models.CharField(
        _("interaction model"),
        max_length=30,
        choices=Model.choices,
        default=Model.COOPERATION_AGREEMENT,
    )
    goal = models.TextField(_("shared goal"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="network_partnership_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["agreement_number"],
                condition=~Q(agreement_number=""),
                name="network_partnership_unique_agreement_number",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:roadmap", args=[self.pk])

    @property
    def is_multilateral(self):
        """Two-sided agreement or multi-sided (seed 003)."""
        return len(self.member_school_ids()) + len(self.partners.all()) > 2

    def member_school_ids(self) -> set[int]:
        """The leader and the supported schools; read once per object."""
        if not hasattr(self, "_member_school_ids"):
            supported = {school.pk for school in self.schools.all()}
            self._member_school_ids = {self.leader_id, *supported}
        return self._member_school_ids
