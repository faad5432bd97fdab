"""The plan lists' and the diagnostics results' rows, kept as HTML until their data changes.

Three areas, so that a change bumps only the parts that show it:

- ``PLANS``: the plans summary by school and the plan list (plans, items, teachers,
  schools, and users, whose role decides who keeps a plan);
- ``MY_PLANS``: a teacher's own plans with the questionnaires waiting for her answers and
  the registrations not in her plan yet;
- ``RESULTS``: a questionnaire's results (its statements, the answers, the teachers and
  schools named, the subjects).

Each part's scope names what decides its rows and buttons, and the day, since the overdue
items and the academic year follow the calendar.
"""

from django.utils import timezone

from core.figures_cache import bump_on_change, bump_on_rename
from schools.selectors import school_id_of

PLANS = "plan-pages"
MY_PLANS = "my-plans-pages"
RESULTS = "questionnaire-pages"


def register_invalidation():
    from accounts.models import User
    from development.models.plans import DevelopmentPlan, PlanItem
    from development.models.questionnaires import (
        Answer,
        Difficulty,
        Questionnaire,
        Response,
        Section,
    )
    from events.models import Event, Registration
    from schools.models import School, Subject, Teacher

    bump_on_change(PLANS, DevelopmentPlan, PlanItem, Teacher, School)
    bump_on_change(
        MY_PLANS,
        DevelopmentPlan,
        PlanItem,
        Teacher,
        School,
        Questionnaire,
        Response,
        Registration,
        Event,
    )
    bump_on_change(
        RESULTS,
        Questionnaire,
        Section,
        Difficulty,
        Response,
        Answer,
        School,
        Teacher,
        Teacher.subjects.through,
        Subject,
    )
    # A user's role decides whether they keep a plan.
    bump_on_rename(PLANS, User)


def _schools_of(user):
    if user.has_perm("development.view_all_schools"):
        return "all"
    return f"school:{school_id_of(user)}"


def plans_scope(user):
    """The plan list's rows: the schools the user oversees, and whether they may start
    plans (the «Start a plan» buttons)."""
    starts = "starts" if user.has_perm("development.start_plans") else "views"
    return f"{_schools_of(user)}:{starts}:{timezone.localdate()}"


def summary_scope():
    """The summary is the centre's only: every school, for everyone who may open it."""
    return f"all:{timezone.localdate()}"


def my_plans_scope(teacher):
    return f"teacher:{teacher.pk}:{timezone.localdate()}"


def results_scope(user):
    """The schools counted, and whose individual answers are listed (as
    ``responses_listed_for`` decides: a methodologist's all, a director's own school's)."""
    if user.is_methodologist:
        answers = "all-answers"
    elif user.is_director:
        answers = f"school-answers:{school_id_of(user)}"
    else:
        answers = "no-answers"
    return f"{_schools_of(user)}:{answers}"
