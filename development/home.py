"""Development plans on the home page (through monitoring.home).

A teacher sees her plan of the year and a waiting questionnaire; a director, the plans
that wait for approval and the teachers without a plan.
"""

from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan
from development.selectors import plan_keepers, waiting_questionnaires
from schools.selectors import school_id_of


def cards(request):
    user = request.user
    school_id = school_id_of(user)
    if school_id is None:
        return []
    year = current_academic_year()
    if user.has_perm("development.keep_plan"):
        teacher = user.teacher_profile
        plan = DevelopmentPlan.objects.filter(teacher=teacher, year=year).with_progress().first()
        return [
            {
                "template": "development/_home_card_teacher.html",
                "plan": plan,
                "waiting": waiting_questionnaires(teacher).count(),
            }
        ]
    if user.has_perm("development.review_school_plans"):
        plans = DevelopmentPlan.objects.filter(teacher__school_id=school_id, year=year)
        teachers = plan_keepers().filter(school_id=school_id)
        return [
            {
                "template": "development/_home_card_director.html",
                "to_approve": plans.filter(status=DevelopmentPlan.Status.SUBMITTED).count(),
                "without_plan": teachers.exclude(development_plans__year=year).count(),
            }
        ]
    return []
