"""A published practice fulfils its authors' «обобщение опыта» items of their plans."""

from django.utils.translation import gettext as _

from development.models import DevelopmentPlan, PlanItem
from development.services.plans import plan_item_complete
from notifications.services import absolute


def plan_items_close(*, practice, by) -> list[PlanItem]:
    """Mark done the «обобщение опыта» items that a published practice fulfils.

    The item the practice names; else, for each author, their earliest planned item of
    that kind in an approved plan. Development's own service completes them, with the
    practice's address as the evidence.
    """
    if practice.plan_item_id:
        items = [practice.plan_item]
    else:
        items = []
        for author in practice.authors.all():
            item = (
                PlanItem.objects.filter(
                    plan__teacher=author,
                    plan__status=DevelopmentPlan.Status.APPROVED,
                    kind=PlanItem.Kind.EXPERIENCE,
                    status=PlanItem.Status.PLANNED,
                )
                .order_by("due_date", "pk")
                .first()
            )
            if item is not None:
                items.append(item)
    done = []
    for item in items:
        if item.status != PlanItem.Status.PLANNED or not item.plan.items_open:
            continue
        done.append(
            plan_item_complete(
                item=item,
                result=_("Published in the bank of practices: «%(title)s».")
                % {"title": practice.title},
                evidence_url=absolute(practice.get_absolute_url()),
                by=by,
            )
        )
    return done
