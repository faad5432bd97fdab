"""Development plans on the home page (through monitoring.home).

A teacher sees her plan of the year and a waiting questionnaire; a director, the plans
that wait for approval and the teachers without a plan.
"""

from accounts.roles import Role
from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan
from development.models.questionnaires import Questionnaire
from schools.selectors import school_id_of


def cards(request):
    user = request.user
    school_id = school_id_of(user)
    if school_id is None:
        return []
    year = current_academic_year()
    if user.is_teacher:
        teacher = user.teacher_profile
        plan = DevelopmentPlan.objects.filter(teacher=teacher, year=year).with_progress().first()
        answered = teacher.questionnaire_responses.values("questionnaire_id")
        waiting = Questionnaire.objects.open_for(teacher).exclude(pk__in=answered).count()
        return [
            {
                "template": "development/_home_card_teacher.html",
                "plan": plan,
                "waiting": waiting,
            }
        ]
    if user.is_director:
        plans = DevelopmentPlan.objects.filter(teacher__school_id=school_id, year=year)
        teachers = user.teacher_profile.school.teachers.exclude(user__role=Role.DIRECTOR)
        return [
            {
                "template": "development/_home_card_director.html",
                "to_approve": plans.filter(status=DevelopmentPlan.Status.SUBMITTED).count(),
                "without_plan": teachers.exclude(development_plans__year=year).count(),
            }
        ]
    return []
