import pytest

from schools.models import School
from tests.schools.factories import SchoolFactory

from .factories import PartnershipFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded files of a test stay in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _school_names_apart():
    """Numbered factory schools never take the names of the cast's schools (№ 101, № 202)."""
    SchoolFactory.reset_sequence(1000)


@pytest.fixture
def leader(db):
    return SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)


@pytest.fixture
def partnership(leader, school_a):
    """School A (low results) supported by a leader school; school B is not a member."""
    return PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и СОШ № 101")
