"""Reads of plans and diagnostics used by the views, the exports and the home page."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from accounts.roles import Role
from core.history import history_entries
from development.models.plans import DevelopmentPlan, PlanItem
from development.models.questionnaires import Questionnaire, Response
from events.models import Event, Registration
from schools.models import School, Teacher
from schools.selectors import school_id_of

# --- plans -------------------------------------------------------------------


def plan_keepers():
    """Teachers who keep a development plan: everyone in the registry but the directors."""
    return Teacher.objects.exclude(user__role=Role.DIRECTOR)


def plans_with_teacher():
    return DevelopmentPlan.objects.select_related("teacher__school", "teacher__user", "template")


def items_with_plan():
    return PlanItem.objects.select_related("plan__teacher__school", "plan__teacher__user", "event")


def plans_of(teacher):
    """The teacher's own plans with their progress, the latest year first."""
    return DevelopmentPlan.objects.filter(teacher=teacher).with_progress().order_by("-year")


def teachers_for_plans(user):
    """The teachers whose plans the user oversees: every school's for the centre, else theirs."""
    teachers = plan_keepers().select_related("school")
    if not user.has_perm("development.view_all_schools"):
        teachers = teachers.filter(school_id=school_id_of(user))
    return teachers.order_by("school__sort_name", "last_name", "first_name", "pk")


def attach_plans(user, teachers, year):
    """Give each teacher of a page ``plan`` (with progress) or None, in one query."""
    plans = (
        DevelopmentPlan.objects.visible_to(user)
        .filter(teacher__in=teachers, year=year)
        .with_progress()
    )
    by_teacher = {plan.teacher_id: plan for plan in plans}
    for teacher in teachers:
        teacher.plan = by_teacher.get(teacher.pk)
    return teachers


def school_plan_figures(schools, *, year):
    """Per school: teachers, plans by state, items done and overdue — one query."""
    plan_year = Q(teachers__development_plans__year=year)
    items = "teachers__development_plans__items"
    live = plan_year & ~Q(**{f"{items}__status": PlanItem.Status.CANCELLED})
    return schools.annotate(
        teacher_count=Count(
            "teachers", filter=~Q(teachers__user__role=Role.DIRECTOR), distinct=True
        ),
        plan_count=Count("teachers__development_plans", filter=plan_year, distinct=True),
        approved_count=Count(
            "teachers__development_plans",
            filter=plan_year
            & Q(
                teachers__development_plans__status__in=[
                    DevelopmentPlan.Status.APPROVED,
                    DevelopmentPlan.Status.COMPLETED,
                ]
            ),
            distinct=True,
        ),
        waiting_count=Count(
            "teachers__development_plans",
            filter=plan_year
            & Q(teachers__development_plans__status=DevelopmentPlan.Status.SUBMITTED),
            distinct=True,
        ),
        item_count=Count(items, filter=live),
        done_count=Count(items, filter=plan_year & Q(**{f"{items}__status": PlanItem.Status.DONE})),
        overdue_count=Count(
            items,
            filter=plan_year
            & Q(**{f"{items}__status": PlanItem.Status.PLANNED})
            & Q(**{f"{items}__due_date__lt": timezone.localdate()}),
        ),
    ).order_by("sort_name")


def offered_registrations(plan):
    """The teacher's registrations in the plan's year whose events are not in the plan yet."""
    return (
        Registration.objects.active()
        .filter(
            teacher_id=plan.teacher_id,
            event__starts_at__date__gte=date(plan.year, 9, 1),
            event__starts_at__date__lt=date(plan.year + 1, 9, 1),
        )
        .exclude(event__status=Event.Status.CANCELLED)
        .exclude(event__plan_items__plan=plan)
        .select_related("event")
        .order_by("event__starts_at")
    )


# --- diagnostics -------------------------------------------------------------


def published_questionnaires():
    """Drafts are the centre's work in progress: nobody outside the admin sees them."""
    return Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT)


def responses_of(teacher):
    return Response.objects.filter(teacher=teacher)


def waiting_questionnaires(teacher):
    """Open questionnaires for the teacher that she has not answered yet."""
    answered = responses_of(teacher).values("questionnaire_id")
    return Questionnaire.objects.open_for(teacher).exclude(pk__in=answered)


def schools_for_results(user):
    """The schools whose answers the user sees per school: all for the centre, else their own."""
    if user.has_perm("development.view_all_schools"):
        return School.objects.all()
    return School.objects.filter(pk=school_id_of(user))


def responses_listed_for(user, questionnaire):
    """The individual answers listed on the results page: a director's school's; all for a
    methodologist; none for a coordinator, who sees the aggregates only."""
    responses = Response.objects.filter(questionnaire=questionnaire).select_related(
        "teacher", "school"
    )
    if user.is_director:
        return responses.filter(school_id=school_id_of(user))
    if user.is_methodologist:
        return responses
    return responses.none()


def plan_history(plan):
    """The audit trail of a plan and its items, newest first."""
    return history_entries(plan.history.all(), PlanItem.history.filter(plan_id=plan.pk))
