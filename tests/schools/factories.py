import factory

from schools.models import PartnerOrganisation, School, Subject, Teacher


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Предмет {n}")


CAST = {101, 202, 303}


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    # The cast's schools (tests/conftest.py) are № 101, 202 and 303: the sequence steps
    # around them, or a test that happens to run 101st would meet school A's name.
    short_name = factory.Sequence(lambda n: f"МАОУ СОШ № {n}" + ("-2" if n in CAST else ""))
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
