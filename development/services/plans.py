"""Every change to development plans and their items goes through these functions.

The rule for items linked to an event: when the teacher's attendance is marked, the
planned item becomes done by attendance, with the certificate as evidence. When the
attendance is withdrawn, an item that attendance completed goes back to planned; an item
the teacher completed by hand is left alone. Completed plans are never touched.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history

from core.errors import DomainError
from core.figures_cache import rows_written
from core.history import audited
from core.services import model_update
from development.models.plans import DevelopmentPlan, PlanComment, PlanItem
from events.models import Certificate, Event, Registration
from notifications.models import Kind
from notifications.recipients import directors_of, user_of_teacher
from notifications.services import notify

EVENT_KIND_TO_ITEM = {
    Event.Kind.MASTER_CLASS: PlanItem.Kind.MASTER_CLASS,
    Event.Kind.OPEN_LESSON: PlanItem.Kind.OPEN_LESSON,
    Event.Kind.HOLIDAY_SCHOOL: PlanItem.Kind.COURSE,
    Event.Kind.TRAINING: PlanItem.Kind.COURSE,
}


class PlansError(DomainError):
    """A refused change, with a message for the user."""


def _lock(plan: DevelopmentPlan) -> DevelopmentPlan:
    return DevelopmentPlan.objects.select_for_update().select_related("teacher").get(pk=plan.pk)


def _lock_item(item: PlanItem) -> PlanItem:
    item = PlanItem.objects.select_for_update().get(pk=item.pk)
    item.plan = _lock(item.plan)
    return item


def _record(plan, *, by, text="", status="", kind=PlanComment.Kind.COMMENT):
    return PlanComment.objects.create(plan=plan, author=by, text=text, status=status, kind=kind)


def _tell(plan, users, kind, title, text=""):
    teacher = plan.teacher
    notify(
        users,
        kind=kind,
        title=title % {"teacher": teacher.full_name, "theme": plan.theme},
        text=text,
        url=reverse("development:plan_detail", args=[plan.pk]),
    )


def _require_items_open(plan):
    if not plan.items_open:
        raise PlansError(
            _("Items cannot change while the plan is %(state)s.")
            % {"state": plan.get_status_display().lower()}
        )


@audited
@transaction.atomic
def plan_create(
    *, teacher, year, theme, goals="", difficulties=(), template=None, by=None
) -> DevelopmentPlan:
    """Start a teacher's plan for an academic year, with the template's items if one is given."""
    if teacher is None or teacher.pk is None:
        raise PlansError(_("Only teachers from the registry of schools keep a plan."))
    theme = (theme or "").strip()
    if not theme:
        raise PlansError(_("Give the theme of self-education."))
    if DevelopmentPlan.objects.filter(teacher=teacher, year=year).exists():
        raise PlansError(
            _("There is already a plan for the academic year %(year)s.")
            % {"year": f"{year}/{year + 1}"}
        )
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                teacher=teacher, year=year, theme=theme, goals=goals, template=template
            )
    except IntegrityError as error:  # the unique constraint, should two requests race
        raise PlansError(_("There is already a plan for this academic year.")) from error
    plan.difficulties.set(difficulties)
    if template is not None:
        bulk_create_with_history(
            [
                PlanItem(plan=plan, kind=row.kind, title=row.title, due_date=row.due_date(year))
                for row in template.items.all()
            ],
            PlanItem,
        )
        rows_written(PlanItem)  # a bulk insert sends no signals
    _record(plan, by=by, status=plan.status)
    return plan


@audited
@transaction.atomic
def plan_update(*, plan, theme, goals="", difficulties=(), by=None) -> DevelopmentPlan:
    plan = _lock(plan)
    if not plan.is_editable:
        raise PlansError(_("Only a draft or a returned plan can be changed."))
    theme = (theme or "").strip()
    if not theme:
        raise PlansError(_("Give the theme of self-education."))
    changed = model_update(instance=plan, data={"theme": theme, "goals": goals})
    if changed:
        plan.save(update_fields=changed)
    plan.difficulties.set(difficulties)
    return plan


@audited
@transaction.atomic
def plan_submit(*, plan, by=None) -> DevelopmentPlan:
    """Send the plan to the director (or a methodologist) for approval."""
    plan = _lock(plan)
    if not plan.is_editable:
        raise PlansError(_("Only a draft or a returned plan can be submitted."))
    if not plan.items.exclude(status=PlanItem.Status.CANCELLED).exists():
        raise PlansError(_("Add at least one item before submitting the plan."))
    plan.status = DevelopmentPlan.Status.SUBMITTED
    plan.submitted_at = timezone.now()
    plan.save(update_fields=["status", "submitted_at"])
    _record(plan, by=by, status=plan.status)
    _tell(
        plan,
        directors_of([plan.teacher.school_id]),
        Kind.PLAN_SUBMITTED,
        _("%(teacher)s submitted the development plan «%(theme)s» for approval"),
    )
    return plan


@audited
@transaction.atomic
def plan_approve(*, plan, by, comment="") -> DevelopmentPlan:
    plan = _lock(plan)
    if plan.status != DevelopmentPlan.Status.SUBMITTED:
        raise PlansError(_("Only a submitted plan can be approved."))
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.approved_at = timezone.now()
    plan.approved_by = by
    plan.save(update_fields=["status", "approved_at", "approved_by"])
    _record(plan, by=by, status=plan.status, text=comment.strip())
    _tell(
        plan,
        user_of_teacher(plan.teacher),
        Kind.PLAN_APPROVED,
        _("Your development plan «%(theme)s» is approved"),
        comment.strip(),
    )
    return plan


@audited
@transaction.atomic
def plan_return(*, plan, by, comment) -> DevelopmentPlan:
    """Send the plan back to the teacher with what to change."""
    plan = _lock(plan)
    if plan.status != DevelopmentPlan.Status.SUBMITTED:
        raise PlansError(_("Only a submitted plan can be returned."))
    if not (comment or "").strip():
        raise PlansError(_("Write what the teacher should change."))
    plan.status = DevelopmentPlan.Status.RETURNED
    plan.save(update_fields=["status"])
    _record(plan, by=by, status=plan.status, text=comment.strip())
    _tell(
        plan,
        user_of_teacher(plan.teacher),
        Kind.PLAN_RETURNED,
        _("Your development plan «%(theme)s» is returned for revision"),
        comment.strip(),
    )
    return plan


@audited
@transaction.atomic
def plan_complete(*, plan, by=None) -> DevelopmentPlan:
    """Close an approved plan once none of its items is still planned."""
    plan = _lock(plan)
    if plan.status != DevelopmentPlan.Status.APPROVED:
        raise PlansError(_("Only an approved plan can be completed."))
    left = plan.items.filter(status=PlanItem.Status.PLANNED).count()
    if left:
        raise PlansError(
            ngettext(
                "%(n)s item is still planned: mark it done or cancel it first.",
                "%(n)s items are still planned: mark them done or cancel them first.",
                left,
            )
            % {"n": left}
        )
    plan.status = DevelopmentPlan.Status.COMPLETED
    plan.completed_at = timezone.now()
    plan.save(update_fields=["status", "completed_at"])
    _record(plan, by=by, status=plan.status)
    return plan


@audited
def plan_comment_add(*, plan, by, text) -> PlanComment:
    text = (text or "").strip()
    if not text:
        raise PlansError(_("The comment is empty."))
    return _record(plan, by=by, text=text)


# --- items -------------------------------------------------------------------


@audited
@transaction.atomic
def plan_item_add(*, plan, kind, title, due_date, description="", by=None) -> PlanItem:
    plan = _lock(plan)
    _require_items_open(plan)
    if not (title or "").strip():
        raise PlansError(_("Give the item a title."))
    return PlanItem.objects.create(
        plan=plan, kind=kind, title=title.strip(), due_date=due_date, description=description
    )


@audited
@transaction.atomic
def plan_item_update(*, item, kind, title, due_date, description="", by=None) -> PlanItem:
    """Change a planned item while the plan is a draft or returned for revision."""
    item = _lock_item(item)
    if not item.plan.is_editable:
        raise PlansError(_("Only a draft or a returned plan can be changed."))
    if item.status != PlanItem.Status.PLANNED:
        raise PlansError(_("Only a planned item can be changed."))
    if not (title or "").strip():
        raise PlansError(_("Give the item a title."))
    data = {"kind": kind, "title": title.strip(), "due_date": due_date, "description": description}
    changed = model_update(instance=item, data=data)
    if changed:
        item.save(update_fields=changed)
    return item


@audited
@transaction.atomic
def plan_item_add_event(*, plan, event, by=None) -> PlanItem:
    """Add an event the teacher registered for; done at once if attendance is already marked."""
    plan = _lock(plan)
    _require_items_open(plan)
    registration = (
        Registration.objects.active().filter(event=event, teacher_id=plan.teacher_id).first()
    )
    if registration is None:
        raise PlansError(_("Register for the event first; then it can be added to the plan."))
    if plan.items.filter(event=event).exists():
        raise PlansError(_("This event is already in the plan."))
    item = PlanItem.objects.create(
        plan=plan,
        kind=EVENT_KIND_TO_ITEM.get(event.kind, PlanItem.Kind.SEMINAR),
        title=event.title,
        due_date=timezone.localdate(event.ends_at),
        event=event,
    )
    if registration.attended:
        _complete_by_attendance(item, registration)
    return item


@audited
@transaction.atomic
def plan_item_complete(
    *, item, result="", evidence_file=None, evidence_url="", by=None
) -> PlanItem:
    """Mark an item done by hand; it needs evidence: a file, a link or a certificate."""
    item = _lock_item(item)
    _require_items_open(item.plan)
    if item.status != PlanItem.Status.PLANNED:
        raise PlansError(_("Only a planned item can be marked done."))
    if evidence_file:
        item.evidence_file = evidence_file
    if evidence_url:
        item.evidence_url = evidence_url
    if not item.has_evidence:
        raise PlansError(_("Attach a file or give a link that shows the item is done."))
    item.result = (result or "").strip()
    item.status = PlanItem.Status.DONE
    item.completion = PlanItem.Completion.MANUAL
    item.completed_at = timezone.now()
    item.save()
    return item


@audited
@transaction.atomic
def plan_item_reopen(*, item, by=None) -> PlanItem:
    """Take back a done or cancelled item; its evidence stays for the teacher to replace."""
    item = _lock_item(item)
    _require_items_open(item.plan)
    if item.status == PlanItem.Status.PLANNED:
        raise PlansError(_("The item is already planned."))
    item.status = PlanItem.Status.PLANNED
    item.completion = ""
    item.completed_at = None
    item.save(update_fields=["status", "completion", "completed_at"])
    return item


@audited
@transaction.atomic
def plan_item_cancel(*, item, by=None) -> PlanItem:
    item = _lock_item(item)
    _require_items_open(item.plan)
    if item.status != PlanItem.Status.PLANNED:
        raise PlansError(_("Only a planned item can be cancelled."))
    item.status = PlanItem.Status.CANCELLED
    item.save(update_fields=["status"])
    return item


@audited
@transaction.atomic
def plan_item_delete(*, item, by=None) -> None:
    item = _lock_item(item)
    if not item.plan.is_editable:
        raise PlansError(_("After submission an item can only be cancelled, not deleted."))
    item.delete()


@audited
@transaction.atomic
def plan_items_apply_attendance(*, registration, attended, by=None) -> int:
    """Apply a change of attendance to the teacher's items of that event; return how many changed.

    Called by the receiver of ``events.signals.attendance_changed``.
    """
    items = (
        PlanItem.objects.select_for_update(of=("self",))
        .select_related("plan")
        .filter(event_id=registration.event_id, plan__teacher_id=registration.teacher_id)
        .exclude(plan__status=DevelopmentPlan.Status.COMPLETED)
    )
    changed = 0
    for item in items:
        if attended and item.status == PlanItem.Status.PLANNED:
            _complete_by_attendance(item, registration)
            changed += 1
        elif (
            not attended
            and item.status == PlanItem.Status.DONE
            and item.completion == PlanItem.Completion.ATTENDANCE
        ):
            item.status = PlanItem.Status.PLANNED
            item.completion = ""
            item.completed_at = None
            item.certificate = None
            item.save(update_fields=["status", "completion", "completed_at", "certificate"])
            _record(item.plan, by=None, text=item.title, kind=PlanComment.Kind.ATTENDANCE_WITHDRAWN)
            changed += 1
    return changed


def _complete_by_attendance(item, registration):
    item.status = PlanItem.Status.DONE
    item.completion = PlanItem.Completion.ATTENDANCE
    item.completed_at = timezone.now()
    item.certificate = Certificate.objects.filter(registration_id=registration.pk).first()
    item.save(update_fields=["status", "completion", "completed_at", "certificate"])
    _record(item.plan, by=None, text=item.title, kind=PlanComment.Kind.ATTENDED)
