import pytest

from monitoring.catalogue import CATALOGUE, catalogue_sync
from monitoring.models import Indicator

pytestmark = pytest.mark.django_db


def test_catalogue_of_seed_001_exists_after_migrate():
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {entry.code for entry in CATALOGUE} <= codes
    gia = Indicator.objects.get(code="gia_passed_share")
    assert gia.name == "Доля учащихся, успешно сдавших государственную итоговую аттестацию"
    assert gia.unit == Indicator.Unit.PERCENT
    assert gia.source == Indicator.Source.ENTERED


def test_catalogue_links_winners_to_participants_and_municipal_to_school_stage():
    winners = Indicator.objects.get(code="olympiad_winners_math")
    municipal = Indicator.objects.get(code="olympiad_municipal_math")
    assert winners.not_above.code == "olympiad_municipal_math"
    assert municipal.not_above.code == "olympiad_school_math"


def test_network_criteria_are_computed():
    network = Indicator.objects.filter(group=Indicator.Group.NETWORK)
    assert network.count() == 5
    assert set(network.values_list("source", flat=True)) == {Indicator.Source.COMPUTED}


def test_catalogue_sync_twice_changes_nothing_but_restores_names():
    Indicator.objects.filter(code="contests_share").update(name="изменено")
    catalogue_sync()
    catalogue_sync()
    assert Indicator.objects.filter(code="contests_share").count() == 1
    assert Indicator.objects.get(code="contests_share").name.startswith("Доля учащихся 8–11")
    assert Indicator.objects.count() == len(CATALOGUE)
