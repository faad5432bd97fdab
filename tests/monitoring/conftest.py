import pytest

from tests.monitoring.factories import PeriodFactory


@pytest.fixture
def period(db):
    """The open period 2025/2026."""
    return PeriodFactory(year=2025)


@pytest.fixture
def last_period(db):
    return PeriodFactory(year=2024)
