"""The portal's figures beside each risk factor, against hand-built data."""

from decimal import Decimal

import pytest

from development.models import DevelopmentPlan
from events.models import Registration
from monitoring.models import Indicator, IndicatorSubmission
from network.models import RiskFactor
from programmes.figures import LEARNING_FAILURE, QUALIFICATION, figures_for
from tests.development.factories import DevelopmentPlanFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.programmes.factories import YEAR
from tests.schools.factories import TeacherFactory


def shown(school, name):
    factor = RiskFactor.objects.get(name=name)
    return [(f.label, f.value) for f in figures_for(school, YEAR, [factor]).get(factor.pk, [])]


@pytest.mark.django_db
def test_qualification_shows_plans_and_attendance(school_a):
    teachers = [TeacherFactory(school=school_a) for _ in range(4)]
    DevelopmentPlanFactory(teacher=teachers[0], year=YEAR, status=DevelopmentPlan.Status.APPROVED)
    DevelopmentPlanFactory(teacher=teachers[1], year=YEAR, status=DevelopmentPlan.Status.DRAFT)
    DevelopmentPlanFactory(
        teacher=teachers[2], year=YEAR - 1, status=DevelopmentPlan.Status.APPROVED
    )
    event = EventFactory()
    RegistrationFactory(event=event, teacher=teachers[0])
    Registration.objects.update(attended=True)
    event.starts_at = event.starts_at.replace(year=YEAR, month=10)
    event.ends_at = event.starts_at
    event.save()
    TeacherFactory()  # of another school
    assert shown(school_a, QUALIFICATION) == [
        ("Доля учителей с утверждённым ИППР", "25 %"),
        ("Доля учителей, посетивших мероприятия в этом году", "25 %"),
    ]


@pytest.mark.django_db
def test_learning_failure_shows_the_gia_share_and_its_trend(school_a):
    ValueFactory(
        school=school_a, code="gia_passed_share", period=PeriodFactory(year=YEAR - 1), value=80
    )
    ValueFactory(
        school=school_a,
        code="gia_passed_share",
        period=PeriodFactory(year=YEAR),
        value=Decimal("85.5"),
    )
    ValueFactory(school=school_a, code="gia_passed_share", period=PeriodFactory(year=YEAR + 1))
    assert shown(school_a, LEARNING_FAILURE) == [
        ("Доля сдавших ГИА", "85,5 %"),
        ("Динамика доли сдавших ГИА", "+5,5 п. п."),
    ]


@pytest.mark.django_db
def test_the_gia_share_of_a_submission_under_review_is_not_shown(school_a):
    ValueFactory(
        school=school_a, code="gia_passed_share", period=PeriodFactory(year=YEAR - 1), value=80
    )
    pending = PeriodFactory(year=YEAR)
    ValueFactory(
        school=school_a,
        code="gia_passed_share",
        period=pending,
        value=Decimal("40"),
        source=Indicator.Source.ENTERED,
    )
    IndicatorSubmission.objects.create(
        school=school_a, period=pending, state=IndicatorSubmission.State.SUBMITTED
    )
    assert shown(school_a, LEARNING_FAILURE) == [("Доля сдавших ГИА", "80 %")]

    IndicatorSubmission.objects.filter(period=pending).update(
        state=IndicatorSubmission.State.APPROVED
    )
    assert shown(school_a, LEARNING_FAILURE)[0] == ("Доля сдавших ГИА", "40 %")


@pytest.mark.django_db
def test_a_factor_without_figures_shows_none(school_a):
    assert shown(school_a, "Низкий уровень оснащения школы") == []
