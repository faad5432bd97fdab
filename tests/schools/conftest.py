import pytest

from tests.schools.factories import SchoolFactory, SubjectFactory


@pytest.fixture
def registry(db):
    """The two subjects and two schools that the office files of the import tests name."""
    SubjectFactory(name="Математика")
    SubjectFactory(name="Русский язык")
    return [SchoolFactory(short_name=f"МАОУ СОШ № {n}") for n in (1, 2)]
