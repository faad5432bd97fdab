from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.formats import no_break_after_numero
from core.history import AuditTrail
from core.sorting import natural_sort_string


class Subject(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SchoolQuerySet(models.QuerySet):
    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(
            Q(short_name__icontains=text)
            | Q(full_name__icontains=text)
            | Q(settlement__icontains=text)
            | Q(director_name__icontains=text)
        )


class School(models.Model):
    class Category(models.TextChoices):
        LEADER = "leader", _("Leader school")
        LOW_RESULTS = "low_results", _("Low-results school")
        UNFAVOURABLE = "unfavourable", _("Unfavourable social conditions")
        REGULAR = "regular", _("Regular school")

    class Locality(models.TextChoices):
        URBAN = "urban", _("Urban")
        RURAL = "rural", _("Rural")

    full_name = models.CharField(_("full name"), max_length=400)
    short_name = models.CharField(_("short name"), max_length=150, unique=True)
    # Derived from short_name in save(), like a slug: the database sorts by it, so
    # «№ 2» comes before «№ 11» on SQLite and PostgreSQL alike.
    sort_name = models.CharField(
        _("name for sorting"), max_length=300, editable=False, default="", db_index=True
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    settlement = models.CharField(_("settlement"), max_length=150, db_index=True)
    locality = models.CharField(
        _("rural or urban"), max_length=10, choices=Locality.choices, default=Locality.URBAN
    )
    director_name = models.CharField(_("director"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    category = models.CharField(
        _("support category"),
        max_length=20,
        choices=Category.choices,
        default=Category.REGULAR,
        db_index=True,
    )
    history = AuditTrail()

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["sort_name"]

    def __str__(self):
        # Pages, PDFs and letters show a school through str(): «№» and its number never
        # part at a line's end. The name is stored as typed.
        return no_break_after_numero(self.short_name)

    def save(self, *args, **kwargs):
        self.sort_name = natural_sort_string(self.short_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "short_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    @property
    def display_full_name(self):
        """The full name as pages show it: «№» kept with its number."""
        return no_break_after_numero(self.full_name)

    @property
    def is_supported(self):
        """A school the programme helps: low results or unfavourable conditions."""
        return self.category in (self.Category.LOW_RESULTS, self.Category.UNFAVOURABLE)


class CategoryRecord(models.Model):
    """The support category a school had in one academic year."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="category_history", verbose_name=_("school")
    )
    year = models.PositiveSmallIntegerField(
        _("academic year"),
        help_text=_("The year the academic year starts, e.g. 2024 for 2024/2025."),
    )
    category = models.CharField(
        _("support category"), max_length=20, choices=School.Category.choices
    )

    class Meta:
        verbose_name = _("category record")
        verbose_name_plural = _("category history")
        ordering = ["school", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year"], name="schools_categoryrecord_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100),
                name="schools_categoryrecord_year_range",
            ),
        ]

    def __str__(self):
        return f"{self.school} — {self.academic_year}: {self.get_category_display()}"

    @property
    def academic_year(self):
        return f"{self.year}/{self.year + 1}"


class TeacherQuerySet(models.QuerySet):
    def search(self, text):
        text = (text or "").strip()
        if not text:
            return self
        query = Q()
        for word in text.split():
            query &= (
                Q(last_name__icontains=word)
                | Q(first_name__icontains=word)
                | Q(patronymic__icontains=word)
                | Q(position__icontains=word)
            )
        return self.filter(query)


PERSON = ("school", "last_name", "first_name", "patronymic", "email", "phone")


class Teacher(models.Model):
    class Qualification(models.TextChoices):
        NONE = "none", _("No category")
        FIRST = "first", _("First category")
        HIGHEST = "highest", _("Highest category")

    last_name = models.CharField(_("surname"), max_length=100)
    first_name = models.CharField(_("name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="teachers", verbose_name=_("school")
    )
    position = models.CharField(_("position"), max_length=150, blank=True, default="учитель")
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="teachers", verbose_name=_("subjects")
    )
    qualification = models.CharField(
        _("qualification category"),
        max_length=10,
        choices=Qualification.choices,
        default=Qualification.NONE,
    )
    teaches_grade_9 = models.BooleanField(_("teaches a 9th (graduating) class"), default=False)
    teaches_grade_11 = models.BooleanField(_("teaches an 11th (graduating) class"), default=False)
    uses_online_platforms = models.BooleanField(_("uses online platforms"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    personnel_number = models.CharField(_("personnel number"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teacher_profile",
        verbose_name=_("login"),
    )
    history = AuditTrail()

    objects = TeacherQuerySet.as_manager()

    class Meta:
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")
        ordering = ["last_name", "first_name", "patronymic"]
        indexes = [
            # The admin's list sorts by name and then by "-pk" (its total order): without
            # this index every page of it sorted the whole table.
            models.Index(
                fields=["last_name", "first_name", "patronymic", "-id"],
                name="schools_teacher_name_order",
            ),
        ]
        constraints = [
            # Namesakes in one school are two people when their e-mail, phone, personnel
            # number or date of birth differs (two partial indexes: NULL dates are distinct).
            models.UniqueConstraint(
                fields=[*PERSON, "personnel_number"],
                condition=models.Q(birth_date__isnull=True),
                name="schools_teacher_unique_person_in_school",
            ),
            models.UniqueConstraint(
                fields=[*PERSON, "personnel_number", "birth_date"],
                condition=models.Q(birth_date__isnull=False),
                name="schools_teacher_unique_person_born_in_school",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.school})"

    @property
    def full_name(self):
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def teaches_graduating_classes(self):
        return self.teaches_grade_9 or self.teaches_grade_11


class PartnerOrganisation(models.Model):
    class Kind(models.TextChoices):
        CULTURE = "culture", _("Culture")
        SPORT = "sport", _("Sport")
        BUSINESS = "business", _("Business")
        UNIVERSITY = "university", _("University")
        FURTHER_TRAINING = "further_training", _("Further-training institute")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    settlement = models.CharField(_("settlement"), max_length=150, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
