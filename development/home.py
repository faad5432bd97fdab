"""Development plans on the home page (through monitoring.home).

A teacher sees her plan of the year and a waiting questionnaire, kept as HTML per teacher
and day until her plans or the questionnaires change; a director, the plans that wait for
approval and the teachers without a plan.
"""

from core.dates import current_academic_year
from core.kept_html import kept_html
from development.kept import MY_PLANS, my_plans_scope
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

        def context():
            plans = DevelopmentPlan.objects.filter(teacher=teacher, year=year)
            card = {
                "plan": plans.with_progress().first(),
                "waiting": waiting_questionnaires(teacher).count(),
            }
            return {"card": card}

        html = kept_html(
            request,
            MY_PLANS,
            "home-card",
            my_plans_scope(teacher),
            "development/_home_card_teacher.html",
            context,
        )
        return [{"html": html}]
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
