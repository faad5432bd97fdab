import factory

from schools.models import PartnerOrganisation, School, Subject, Teacher


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Предмет {n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    short_name = factory.Sequence(lambda n: f"МАОУ СОШ № {n}")
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
