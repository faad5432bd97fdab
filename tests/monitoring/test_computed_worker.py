"""A real Celery worker recalculates the computed indicators (runs in CI, with a broker)."""

import pytest

from core.dates import current_academic_year
from monitoring.models import IndicatorValue
from monitoring.tasks import recalculate_computed
from tests.conftest import wait_for
from tests.monitoring.factories import PeriodFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.worker


def test_a_real_worker_recalculates_the_computed_indicators(celery_workers):
    celery_workers()
    school = SchoolFactory(short_name="Школа для воркера")
    TeacherFactory(school=school, uses_online_platforms=True)
    TeacherFactory(school=school)
    period = PeriodFactory(year=current_academic_year())

    recalculate_computed.delay(period_id=period.pk)

    found = IndicatorValue.objects.filter(school=school, indicator__code="teachers_online_share")
    wait_for(found.exists, timeout=30)
    assert found.get().value == 50
