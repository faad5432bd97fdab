from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event, Registration
from tests.schools.factories import TeacherFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Семинар для учителей № {n}")
    kind = Event.Kind.SEMINAR
    format = Event.Format.IN_PERSON
    description = "Практический семинар."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    venue = "ИМЦ, ауд. 12"
    organiser = "ИМЦ"
    capacity = 30
    status = Event.Status.PUBLISHED

    @factory.post_generation
    def subjects(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.subjects.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    teacher = factory.SubFactory(TeacherFactory)
    status = Registration.Status.CONFIRMED
