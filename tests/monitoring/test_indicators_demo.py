"""load_demo gives every dashboard something real, and a second run adds nothing."""

import pytest
from django.core.management import call_command

from monitoring.models import IndicatorSubmission, IndicatorValue, Period
from monitoring.selectors.indicators import municipal_summary
from monitoring.selectors.ranking import school_ranking
from monitoring.selectors.warnings import early_warnings, partnership_effect
from network.models import Partnership
from tests.monitoring.factories import indicator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """The demo's evidence files stay in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def test_demo_has_three_years_for_every_dashboard():
    call_command("load_demo", verbosity=0)
    count = IndicatorValue.objects.count()
    call_command("load_demo", verbosity=0)
    assert IndicatorValue.objects.count() == count

    periods = list(Period.objects.order_by("starts_on"))
    assert len(periods) == 3
    assert [p.is_locked for p in periods] == [True, True, False]
    gia = indicator("gia_passed_share")
    summary = municipal_summary(indicator=gia, periods=periods)
    assert all(point.average is not None for series in summary for point in series.points)
    assert len(school_ranking(indicator=gia, period=periods[-1])) > 10
    assert early_warnings(period=periods[-1])
    effect = partnership_effect(partnership=Partnership.objects.first(), indicator=gia)
    assert any(v is not None for v in effect.series[0].values)
    director_school = IndicatorSubmission.objects.get(
        school__short_name="МАОУ СОШ № 6", period=periods[-1]
    )
    assert director_school.state == IndicatorSubmission.State.DRAFT
