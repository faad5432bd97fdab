"""The demo has plans in every state, templates and an answered questionnaire; twice is once."""

from io import StringIO

from django.core.management import call_command

from development.models.plans import DevelopmentPlan, PlanItem, PlanTemplate
from development.models.questionnaires import Answer, Questionnaire, Response


def counts():
    return tuple(
        model.objects.count()
        for model in (DevelopmentPlan, PlanItem, PlanTemplate, Questionnaire, Response, Answer)
    )


def test_demo_plans_and_diagnostics_are_loaded_once(db):
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())

    assert counts() == first
    assert set(DevelopmentPlan.objects.values_list("status", flat=True)) == set(
        DevelopmentPlan.Status.values
    )
    closed = Questionnaire.objects.get(status=Questionnaire.Status.CLOSED)
    assert closed.responses.filter(teacher__user__username="uchitel").exists()
    assert Questionnaire.objects.filter(status=Questionnaire.Status.OPEN).exists()
    # The demo teacher's plan was closed by her real attendance, with certificates.
    items = PlanItem.objects.filter(
        plan__teacher__user__username="uchitel", plan__status=DevelopmentPlan.Status.APPROVED
    )
    done = items.filter(completion=PlanItem.Completion.ATTENDANCE)
    assert done.exists()
    assert not done.filter(certificate__isnull=True).exists()
    assert items.filter(event__isnull=False, status=PlanItem.Status.PLANNED).exists()
    # The director of her school has a plan to approve.
    assert DevelopmentPlan.objects.filter(
        teacher__school__teachers__user__username="direktor",
        status=DevelopmentPlan.Status.SUBMITTED,
    ).exists()
