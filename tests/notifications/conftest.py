import pytest

from accounts.roles import Role
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.network.factories import PartnershipFactory, add_problem, stage
from tests.schools.factories import SchoolFactory, TeacherFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def leader(db):
    return SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)


@pytest.fixture
def director_leader(leader):
    user = UserFactory(username="direktor_lidera", role=Role.DIRECTOR, first_name="Ольга")
    TeacherFactory(school=leader, user=user)
    return user


@pytest.fixture
def partnership(leader, school_a):
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    add_problem(partnership)
    return partnership


@pytest.fixture
def first_stage(partnership):
    from network.models import Stage

    return stage(partnership, Stage.Kind.ACQUAINTANCE)
