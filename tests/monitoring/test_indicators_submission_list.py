"""The centre's list of every school's data for a period."""

from django.urls import reverse

from monitoring.models import IndicatorSubmission
from tests.monitoring.factories import PeriodFactory, approved
from tests.schools.factories import SchoolFactory


def test_schools_data_list_costs_the_same_for_many_schools(
    login, methodologist, django_assert_max_num_queries
):
    period = PeriodFactory(year=2025)
    for school in SchoolFactory.create_batch(60):
        approved(school, period)
    client = login(methodologist)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("monitoring:submissions"), {"period": period.pk})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) >= 20
    assert all(
        s.submission_state == IndicatorSubmission.State.APPROVED
        for s in response.context["page"].object_list
    )
