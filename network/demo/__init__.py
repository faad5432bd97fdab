"""Demo partnerships in every stage, two methodical associations and mentorship pairs.

Built through the services, as a methodologist and directors would; a second run
finds the partnerships by their agreement numbers and adds nothing.
"""

import importlib

from django.utils import timezone

from accounts.models import User
from network.demo import community, roadmaps
from network.models import Activity, Mentorship, MethodicalAssociation, Partnership, RiskFactor
from schools.models import PartnerOrganisation


def risk_factors():
    """The centre's reference list, as its data migration writes it: a database emptied by
    a flush (the browser tests' transactional database) has lost it."""
    if RiskFactor.objects.exists():
        return
    migration = importlib.import_module("network.migrations.0002_risk_factors")
    RiskFactor.objects.bulk_create(
        RiskFactor(name=name, order=order)
        for order, name in enumerate(migration.RISK_FACTORS, start=1)
    )


def load(*, stdout):
    risk_factors()
    try:
        metodist = User.objects.get(username="metodist")
        direktor = User.objects.get(username="direktor")
        direktor2 = User.objects.get(username="direktor2")
    except User.DoesNotExist:
        stdout.write("Сеть: нет демо-пользователей школ, партнёрства не созданы")
        return []
    partners = [
        PartnerOrganisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in roadmaps.PARTNERS
    ]
    today = timezone.localdate()
    roadmaps.joint_activity(metodist, direktor, direktor2, partners, today)
    roadmaps.acquaintance(metodist, partners, today)
    roadmaps.reflection(metodist, today)
    roadmaps.on_review(metodist, today)
    community.associations()
    community.mentorships(today)
    stdout.write(
        f"Партнёрств: {Partnership.objects.count()}, "
        f"мероприятий дорожных карт: {Activity.objects.count()}, "
        f"МО: {MethodicalAssociation.objects.count()}, пар наставничества: "
        f"{Mentorship.objects.count()}"
    )
    return []
