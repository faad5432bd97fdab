import io

import pytest
from django.core.management import call_command

from programmes.models import Curatorship, MonitoringRound, RiskProfile


@pytest.mark.django_db
def test_load_demo_builds_three_programmes_in_different_states_and_runs_twice_harmlessly():
    call_command("load_demo", stdout=io.StringIO())
    counts = [RiskProfile.objects.count(), MonitoringRound.objects.count()]
    call_command("load_demo", stdout=io.StringIO())
    assert counts == [RiskProfile.objects.count(), MonitoringRound.objects.count()] == [3, 1]
    states = sorted(RiskProfile.objects.values_list("programme__state", flat=True))
    assert states == ["accepted", "draft", "submitted"]
    assert set(Curatorship.objects.values_list("curator__username", flat=True)) == {"metodist"}
    own = RiskProfile.objects.get(school__short_name="МАОУ СОШ № 6")
    assert own.programme.state == "accepted"
    assert own.programme.rounds.get().stage == MonitoringRound.Stage.ENTRY
