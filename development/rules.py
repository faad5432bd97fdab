"""Who may do what with development plans and diagnostic questionnaires."""

import rules

from accounts.rules import is_director, is_methodologist, is_municipal, is_teacher
from schools.selectors import school_id_of


@rules.predicate
def is_in_registry(user):
    return school_id_of(user) is not None


@rules.predicate
def is_own_plan(user, plan):
    return plan is not None and user.is_authenticated and plan.teacher.user_id == user.pk


@rules.predicate
def is_plan_of_own_school(user, plan):
    return plan is not None and school_id_of(user) == plan.teacher.school_id


@rules.predicate
def is_teacher_of_own_school(user, teacher):
    return teacher is not None and school_id_of(user) == teacher.school_id


@rules.predicate
def is_own_response(user, response):
    return response is not None and user.is_authenticated and response.teacher.user_id == user.pk


@rules.predicate
def is_response_of_own_school(user, response):
    return response is not None and school_id_of(user) == response.school_id


is_school_reviewer = is_director & is_plan_of_own_school & ~is_own_plan
may_view_response = is_methodologist | is_own_response | (is_director & is_response_of_own_school)

# The centre's overview: every school's plans and results, by school and by category.
rules.add_perm("development.view_all_schools", is_municipal)
# The audit trail of a plan and its items: the centre's methodologists.
rules.add_perm("development.view_plan_history", is_methodologist)

rules.add_perm("development.keep_plan", is_teacher & is_in_registry)
# Who may learn that a teacher is in the registry: the centre and the teacher's school.
rules.add_perm("development.know_teacher", is_municipal | is_teacher_of_own_school)
# Who is offered to start plans for teachers; each teacher is then asked of start_plan_for.
rules.add_perm("development.start_plans", is_methodologist | is_director)
# A director (or a methodologist) may start a teacher's plan, e.g. from a template.
rules.add_perm(
    "development.start_plan_for", is_methodologist | (is_director & is_teacher_of_own_school)
)
rules.add_perm(
    "development.view_plan", is_municipal | is_own_plan | (is_director & is_plan_of_own_school)
)
# The teacher changes their own plan; the reviewers approve or return it.
rules.add_perm("development.change_plan", is_own_plan)
rules.add_perm("development.review_plan", is_methodologist | is_school_reviewer)
rules.add_perm("development.comment_plan", is_own_plan | is_methodologist | is_school_reviewer)
rules.add_perm("development.complete_plan", is_own_plan | is_methodologist | is_school_reviewer)
rules.add_perm("development.view_plan_overview", is_municipal | (is_director & is_in_registry))
rules.add_perm("development.review_school_plans", is_director & is_in_registry)

# An open or closed questionnaire is known to every user; a draft is not shown at all.
rules.add_perm("development.know_questionnaire", rules.is_authenticated)
rules.add_perm("development.compose_questionnaire", is_methodologist)
rules.add_perm("development.answer_questionnaire", is_teacher & is_in_registry)
rules.add_perm(
    "development.view_questionnaire_results", is_municipal | (is_director & is_in_registry)
)
# Individual answers: the centre's methodologists, the teacher, and the teacher's own director.
rules.add_perm("development.view_response", may_view_response)
# Who learns that a response exists: also a coordinator, who sees the aggregates only (403).
rules.add_perm("development.know_response", is_municipal | may_view_response)
