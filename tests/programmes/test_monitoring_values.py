"""A monitoring stage takes a measure's indicator value from monitoring where it is approved."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from monitoring.models import Indicator, IndicatorSubmission
from programmes import services
from programmes.errors import ProgrammeError
from programmes.models import Measure, MeasureProgress, MonitoringRound
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.programmes.factories import (
    YEAR,
    accepted,
    add_measure,
    filled,
    measures_of,
    started,
)
from tests.schools.factories import SchoolFactory

GIA = "gia_passed_share"
ENTRY = MonitoringRound.Stage.ENTRY
# A day of the programme's academic year (2025/2026), after its period has started.
STAGE_DAY = datetime.datetime(2026, 2, 10, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _stage_day():
    with time_machine.travel(STAGE_DAY, tick=False):
        yield


@pytest.fixture
def profile(school_a, director_a, methodologist):
    """An accepted programme: the first risk's measure moves the ГИА pass share, the
    other two an indicator in words."""
    return accepted(school_a, by=director_a, curator=methodologist, indicator_codes=[GIA])


@pytest.fixture
def gia_measure(profile):
    return measures_of(profile).get(indicator_code=GIA)


def entered_value(school, period, value, *, submission=IndicatorSubmission.State.APPROVED):
    """A value the school entered, with its submission in the given state."""
    ValueFactory(
        code=GIA, school=school, period=period, value=value, source=Indicator.Source.ENTERED
    )
    IndicatorSubmission.objects.update_or_create(
        school=school, period=period, defaults={"state": submission}
    )


def form_data(profile, value="55"):
    data = {}
    for measure in measures_of(profile):
        data[f"state_{measure.pk}"] = "in_progress"
        data[f"value_{measure.pk}"] = value
        data[f"note_{measure.pk}"] = ""
    return data


def round_url(profile, stage=ENTRY):
    return reverse("programmes:monitoring", args=[profile.pk, stage])


def test_an_approved_value_appears_in_the_round_and_is_stored(
    profile, gia_measure, school_a, director_a, login
):
    entered_value(school_a, PeriodFactory(year=YEAR), Decimal("87.5"))
    client = login(director_a)
    page = client.get(round_url(profile))
    html = page.content.decode()
    assert f'name="value_{gia_measure.pk}"' not in html
    known = html.split(f'id="known-{gia_measure.pk}"')[1].split("</p>")[0]
    assert "87,50" in known and "из мониторинга" in known and "2025/2026" in known
    others = measures_of(profile).exclude(pk=gia_measure.pk)
    assert all(f'name="value_{m.pk}"' in html for m in others)

    # What the browser posts for the monitored measure is not what is stored.
    response = client.post(round_url(profile), form_data(profile, value="10"))
    assert response.status_code == 302
    row = MeasureProgress.objects.get(measure=gia_measure)
    assert (row.value, row.monitoring_period) == (Decimal("87.5"), "2025/2026")
    assert row.from_monitoring
    typed = MeasureProgress.objects.exclude(measure=gia_measure)
    assert {(r.value, r.monitoring_period) for r in typed} == {(Decimal(10), "")}
    detail = client.get(profile.get_absolute_url()).content.decode()
    assert "из мониторинга, 2025/2026" in detail


@pytest.mark.parametrize(
    "state", [IndicatorSubmission.State.DRAFT, IndicatorSubmission.State.SUBMITTED]
)
def test_a_value_not_yet_approved_is_not_taken(
    state, profile, gia_measure, school_a, director_a, login
):
    entered_value(school_a, PeriodFactory(year=YEAR), Decimal("87.5"), submission=state)
    client = login(director_a)
    html = client.get(round_url(profile)).content.decode()
    assert f'name="value_{gia_measure.pk}"' in html
    assert 'id="known-' not in html
    client.post(round_url(profile), form_data(profile, value="61"))
    row = MeasureProgress.objects.get(measure=gia_measure)
    assert (row.value, row.monitoring_period) == (Decimal(61), "")


def test_the_typed_value_is_used_when_monitoring_has_none(
    profile, gia_measure, school_a, director_a
):
    other_school_value = ValueFactory(
        code=GIA, school=SchoolFactory(), period=PeriodFactory(year=YEAR), value=99
    )
    assert other_school_value.school != school_a
    rows = {m.pk: {"state": "planned", "value": Decimal(42)} for m in measures_of(profile)}
    monitoring = services.monitoring_enter(
        programme=profile.programme, stage=ENTRY, by=director_a, rows=rows
    )
    row = monitoring.progress.get(measure=gia_measure)
    assert (row.value, row.monitoring_period) == (Decimal(42), "")


def test_the_latest_period_that_had_started_by_the_stage_counts(
    profile, gia_measure, school_a, director_a
):
    ValueFactory(code=GIA, school=school_a, period=PeriodFactory(year=YEAR - 1), value=70)
    ValueFactory(code=GIA, school=school_a, period=PeriodFactory(year=YEAR), value=80)
    # A period that starts after the stage's day says nothing of the school at the stage.
    ValueFactory(code=GIA, school=school_a, period=PeriodFactory(year=YEAR + 1), value=99)
    rows = {m.pk: {"state": "planned", "value": None} for m in measures_of(profile)}
    monitoring = services.monitoring_enter(
        programme=profile.programme, stage=ENTRY, by=director_a, rows=rows
    )
    row = monitoring.progress.get(measure=gia_measure)
    assert (row.value, row.monitoring_period) == (Decimal(80), "2025/2026")


def test_last_years_value_is_the_baseline_but_an_older_one_is_not(
    profile, gia_measure, school_a, director_a
):
    ValueFactory(code=GIA, school=school_a, period=PeriodFactory(year=YEAR - 2), value=60)
    rows = {m.pk: {"state": "planned", "value": None} for m in measures_of(profile)}
    services.monitoring_enter(programme=profile.programme, stage=ENTRY, by=director_a, rows=rows)
    assert MeasureProgress.objects.get(measure=gia_measure).value is None

    ValueFactory(code=GIA, school=school_a, period=PeriodFactory(year=YEAR - 1), value=72)
    services.monitoring_enter(programme=profile.programme, stage=ENTRY, by=director_a, rows=rows)
    row = MeasureProgress.objects.get(measure=gia_measure)
    assert (row.value, row.monitoring_period) == (Decimal(72), "2024/2025")


def _programme_with(school, director, curator, count):
    """An accepted programme whose every measure moves a monitoring indicator with a value."""
    profile = filled(started(school, by=director), by=director)
    codes = list(Indicator.objects.filter(is_active=True).values_list("code", flat=True)[:count])
    period = PeriodFactory(year=YEAR)
    risks = list(profile.programme.risks.order_by("pk"))
    for index, code in enumerate(codes):
        ValueFactory(code=code, school=school, period=period, value=index + 1)
        add_measure(risks[index % len(risks)], by=director, indicator_code=code, target=5)
    services.programme_update(programme=profile.programme, by=director, goal="Цель")
    for risk in risks:
        services.risk_update(risk=risk, by=director, goal="Снизить риск", tasks="")
    services.profile_submit(profile=profile, by=director)
    services.profile_accept(profile=profile, by=curator)
    services.programme_submit(programme=profile.programme, by=director)
    services.programme_accept(programme=profile.programme, by=curator)
    return profile


@pytest.mark.parametrize("count", [3, 12])
def test_the_round_page_costs_the_same_for_few_and_many_measures(
    count, school_a, director_a, methodologist, login, django_assert_max_num_queries
):
    profile = _programme_with(school_a, director_a, methodologist, count)
    client = login(director_a)
    with django_assert_max_num_queries(9):
        page = client.get(round_url(profile))
    assert page.status_code == 200
    assert page.content.decode().count('<span class="badge text-bg-info">из мониторинга') == count


def test_a_monitoring_indicator_gives_the_measure_its_name_and_direction(
    school_a, director_a, login
):
    profile = filled(started(school_a, by=director_a), by=director_a)
    risk = profile.programme.risks.first()
    response = login(director_a).post(
        reverse("programmes:measure_add", args=[risk.pk]),
        {
            "title": "Консультации для выпускников",
            "module": "teaching",
            "due_on": "2026-04-20",
            "responsible": "Завуч",
            "indicator_code": GIA,
            "indicator": "",
            "target": "95",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(risk=risk)
    assert measure.indicator == Indicator.objects.get(code=GIA).name
    assert measure.higher_is_better
    with pytest.raises(ProgrammeError, match="мониторинг"):
        add_measure(risk, by=director_a, indicator_code="no_such_indicator")
