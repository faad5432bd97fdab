import datetime

import pytest

from network.models import Partnership, Stage, StageComment
from network.services import NetworkError, partnership_create, partnership_update
from schools.models import School
from tests.schools.factories import SchoolFactory

from .factories import PartnershipFactory


def _create(**kwargs):
    kwargs.setdefault("goal", "Повышение качества образования")
    kwargs.setdefault("starts_on", datetime.date(2025, 9, 1))
    kwargs.setdefault("ends_on", datetime.date(2026, 6, 30))
    return partnership_create(**kwargs)


def test_partnership_create_builds_three_stages_with_the_first_open(
    leader, school_a, methodologist
):
    partnership = _create(leader=leader, schools=[school_a], by=methodologist)

    stages = list(partnership.roadmap.stages.order_by("number"))
    assert [s.kind for s in stages] == list(Stage.ORDER)
    assert [s.state for s in stages] == [Stage.State.OPEN, Stage.State.LOCKED, Stage.State.LOCKED]
    assert stages[0].starts_on == datetime.date(2025, 9, 1)
    assert stages[2].ends_on == datetime.date(2026, 6, 30)
    assert partnership.title == "МАОУ СОШ № 1 — МАОУ СОШ № 101"
    assert stages[0].comments.get().action == StageComment.Action.OPENED
    assert partnership.history.get().history_user == methodologist


def test_partnership_create_refuses_a_leader_that_is_not_a_leader_school(school_a):
    other = SchoolFactory(category=School.Category.REGULAR)
    with pytest.raises(NetworkError, match="не является школой-лидером"):
        _create(leader=other, schools=[school_a])
    assert not Partnership.objects.exists()


def test_partnership_create_refuses_pairing_a_school_with_itself(leader, school_a):
    with pytest.raises(NetworkError, match="не может быть партнёром самой себе"):
        _create(leader=leader, schools=[school_a, leader])


def test_partnership_create_needs_a_supported_school(leader):
    with pytest.raises(NetworkError, match="хотя бы одну поддерживаемую школу"):
        _create(leader=leader, schools=[])


def test_partnership_create_refuses_an_end_before_the_start(leader, school_a):
    with pytest.raises(NetworkError, match="не может закончиться раньше"):
        _create(leader=leader, schools=[school_a], ends_on=datetime.date(2025, 1, 1))


def test_partnership_create_refuses_a_registered_agreement_number(leader, school_a):
    _create(leader=leader, schools=[school_a], agreement_number="ДС-1")
    with pytest.raises(NetworkError, match="уже зарегистрирован"):
        _create(leader=leader, schools=[SchoolFactory()], agreement_number="ДС-1")


def test_partnership_update_keeps_the_checks(partnership, leader):
    with pytest.raises(NetworkError, match="партнёром самой себе"):
        partnership_update(partnership=partnership, data={}, schools=[leader])


def test_multilateral_partnership_has_more_than_two_sides(leader, school_a):
    two = PartnershipFactory(leader=leader, schools=[school_a])
    three = PartnershipFactory(leader=leader, schools=[school_a, SchoolFactory()])
    assert not two.is_multilateral
    assert three.is_multilateral
