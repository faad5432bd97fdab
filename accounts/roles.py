from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    METHODOLOGIST = "methodologist", _("Methodologist")
    COORDINATOR = "coordinator", _("Coordinator")
    DIRECTOR = "director", _("Director")
    TEACHER = "teacher", _("Teacher")


# The auth group that carries each role's model permissions.
GROUP_NAMES = {
    Role.METHODOLOGIST: "Методисты",
    Role.COORDINATOR: "Координаторы",
    Role.DIRECTOR: "Директора",
    Role.TEACHER: "Учителя",
}
