import factory

from accounts.models import User
from accounts.services import user_set_role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Анна"
    last_name = factory.Sequence(lambda n: f"Пользователь{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pass12345")
    role = ""

    @factory.post_generation
    def apply_role(obj, create, extracted, **kwargs):
        if create:
            user_set_role(user=obj, role=obj.role)
