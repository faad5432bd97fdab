from core.sorting import natural_key, natural_sort_string, natural_sorted
from schools.models import School
from tests.schools.factories import SchoolFactory

NAMES = ["МАОУ СОШ № 11", "МАОУ СОШ № 2", "Гимназия № 10", "МАОУ СОШ № 1", "МАОУ СОШ № 12"]
NATURAL = ["Гимназия № 10", "МАОУ СОШ № 1", "МАОУ СОШ № 2", "МАОУ СОШ № 11", "МАОУ СОШ № 12"]


def test_numbers_inside_names_sort_as_numbers():
    assert natural_sorted(NAMES) == NATURAL


def test_natural_key_ignores_case_and_spacing_after_the_numero_sign():
    assert natural_key("Гимназия №10") == natural_key("гимназия № 10")
    assert natural_key("Гимназия № 10") == natural_key("Гимназия № 10")


def test_yo_sorts_with_ye():
    assert natural_sorted(["Школа Ёлкино", "Школа Ж", "Школа Е"]) == [
        "Школа Е",
        "Школа Ёлкино",
        "Школа Ж",
    ]


def test_sort_string_orders_like_the_key():
    assert sorted(NAMES, key=natural_sort_string) == NATURAL


def test_schools_come_from_the_database_in_natural_order(db):
    for name in NAMES:
        SchoolFactory(short_name=name)

    assert [school.short_name for school in School.objects.all()] == NATURAL


def test_renaming_a_school_keeps_its_sort_name_in_step(db):
    school = SchoolFactory(short_name="МАОУ СОШ № 3")
    school.short_name = "МАОУ СОШ № 30"
    school.save(update_fields=["short_name"])
    school.refresh_from_db()

    assert school.sort_name == natural_sort_string("МАОУ СОШ № 30")
