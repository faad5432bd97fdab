"""Demo partnerships in every stage, two methodical associations and mentorship pairs.

Built through the services, as a methodologist and directors would; a second run
finds the partnerships by their agreement numbers and adds nothing.
"""

from django.utils import timezone

from accounts.models import User
from network.demo import community, roadmaps
from network.models import Activity, Mentorship, MethodicalAssociation, Partnership
from schools.models import PartnerOrganisation


def load(*, stdout):
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
