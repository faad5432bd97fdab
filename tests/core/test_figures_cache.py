"""The areas' versions: a transaction that writes many rows bumps its areas a few times,
never so few that a figure read within it or after it is stale."""

import uuid

import pytest
from django.core.cache import cache
from django.db import transaction

from core import figures_cache
from core.figures_cache import area_changed, area_version, cached_figures

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def area():
    return f"test-area-{uuid.uuid4().hex}"


@pytest.fixture
def bumps(monkeypatch):
    counted = []
    original = figures_cache._bump

    def counting(area):
        counted.append(area)
        original(area)

    monkeypatch.setattr(figures_cache, "_bump", counting)
    return counted


def test_a_write_outside_a_transaction_bumps_once(area, bumps):
    before = area_version(area)
    area_changed(area)
    assert bumps == [area]
    assert area_version(area) != before


def test_many_writes_in_a_transaction_bump_now_once_and_once_on_commit(area, bumps):
    before = area_version(area)
    with transaction.atomic():
        for _ in range(500):
            area_changed(area)
        assert bumps == [area]
        assert area_version(area) != before
    assert bumps == [area, area]


def test_a_figure_read_between_two_writes_is_computed_again(area, bumps):
    data = {"n": 1}
    with transaction.atomic():
        area_changed(area)
        assert cached_figures(area, "n", lambda: data["n"]) == 1
        data["n"] = 2
        area_changed(area)
        assert cached_figures(area, "n", lambda: data["n"]) == 2
    data["n"] = 3
    assert cached_figures(area, "n", lambda: data["n"]) == 3


def test_a_rolled_back_savepoint_does_not_lose_the_bump_on_commit(area, bumps):
    with transaction.atomic():
        try:
            with transaction.atomic():
                area_changed(area)
                raise RuntimeError
        except RuntimeError:
            pass
        area_changed(area)
        bumps.clear()
    assert bumps == [area]


def test_the_next_transaction_bumps_on_its_own_commit(area, bumps):
    with transaction.atomic():
        area_changed(area)
    bumps.clear()
    with transaction.atomic():
        area_changed(area)
        area_changed(area)
    assert bumps == [area, area]


def test_a_rolled_back_transaction_leaves_the_next_one_its_bumps(area, bumps):
    try:
        with transaction.atomic():
            area_changed(area)
            raise RuntimeError
    except RuntimeError:
        pass
    bumps.clear()
    with transaction.atomic():
        area_changed(area)
    assert bumps == [area, area]
    assert cache.get(f"figures:{area}:version") is not None
