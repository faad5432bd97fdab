from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


class User(AbstractUser):
    Role = Role

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name or self.username

    @property
    def full_name(self):
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def is_methodologist(self):
        return self.role == Role.METHODOLOGIST or self.is_superuser

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR

    @property
    def is_municipal(self):
        """Sees the whole municipality: methodologists and coordinators."""
        return self.is_methodologist or self.is_coordinator

    @property
    def is_director(self):
        return self.role == Role.DIRECTOR

    @property
    def is_teacher(self):
        return self.role == Role.TEACHER
