import factory

from schools.models import PartnerOrganisation, School, Subject, Teacher


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Предмет {n}")


# Tests name their own schools «МАОУ СОШ № 7», «№ 101» (the cast in tests/conftest.py) and
# so on, up to «№ 1249» in the large-data tests, and a school's short name is unique. The
# sequence counts every school a process makes (named ones too), so it starts far above
# them: started at 0, a test run as the seventh in its process met «№ 7» of its own.
FIRST_NUMBER = 100_000


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    short_name = factory.Sequence(lambda n: f"МАОУ СОШ № {FIRST_NUMBER + n}")
    full_name = factory.LazyAttribute(lambda s: f"Муниципальная школа {s.short_name}")
    settlement = "Тобольск"
    category = School.Category.REGULAR
    director_name = "Иванова Ирина Петровна"


class TeacherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Teacher

    last_name = factory.Sequence(lambda n: f"Учителева{n}")
    first_name = "Мария"
    patronymic = "Ивановна"
    school = factory.SubFactory(SchoolFactory)
    position = "учитель"


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"Организация {n}")
    kind = PartnerOrganisation.Kind.CULTURE
