"""A teacher's home cards (her next events, her plan) are kept as HTML per teacher: the
second visit renders neither card again, every change of hers shows on the next visit,
and nobody gets another teacher's cards."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from development.services.plans import plan_update
from development.services.questionnaires import response_submit
from events.services import registration_cancel, registration_create
from tests.conftest import _school_user
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory, questionnaire_with
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
CARDS = ["events/_home_card.html", "development/_home_card_teacher.html"]


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def rendered(response):
    return [t.name for t in response.templates if t.name in CARDS]


def test_the_cards_are_rendered_once_and_follow_a_registration(login, teacher_a):
    client = login(teacher_a)
    assert rendered(home(client)) == CARDS
    again = home(client)
    assert rendered(again) == []
    assert "Мои ближайшие мероприятия" in again.content.decode()

    event = EventFactory(title="Вебинар по смысловому чтению")
    registration = registration_create(event=event, teacher=teacher_a.teacher_profile)
    assert "Вебинар по смысловому чтению" in home(client).content.decode()

    registration_cancel(registration=registration)
    assert "Вебинар по смысловому чтению" not in home(client).content.decode()


def test_the_plan_card_follows_the_plan_and_an_answered_questionnaire(login, teacher_a):
    teacher = teacher_a.teacher_profile
    plan = DevelopmentPlanFactory(teacher=teacher, theme="Смысловое чтение")
    PlanItemFactory(plan=plan)
    questionnaire, statements = questionnaire_with(["Работа с родителями"])
    client = login(teacher_a)
    page = home(client).content.decode()
    assert "Смысловое чтение" in page
    assert "Анкета диагностики ждёт ваших ответов" in page

    plan_update(plan=plan, theme="Формирующее оценивание")
    response_submit(
        questionnaire=questionnaire,
        teacher=teacher,
        answers={s.pk: questionnaire.scale_range[0] for s in statements},
    )

    page = home(client).content.decode()
    assert "Формирующее оценивание" in page
    assert "Анкета диагностики ждёт ваших ответов" not in page


def test_a_teacher_never_gets_the_cards_kept_for_another(login, teacher_a, school_a):
    DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, theme="План учителя А")
    registration_create(
        event=EventFactory(title="Семинар учителя А"), teacher=teacher_a.teacher_profile
    )
    colleague = _school_user("uchitel_a2", Role.TEACHER, school_a)
    page = home(login(teacher_a)).content.decode()
    assert "Семинар учителя А" in page and "План учителя А" in page

    page = home(login(colleague)).content.decode()

    assert "Семинар учителя А" not in page
    assert "План учителя А" not in page
    assert "у вас ещё нет индивидуального плана" in page


def test_a_cache_that_is_down_costs_speed_not_the_cards(settings, login, teacher_a):
    import socket

    DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, theme="План при упавшем кэше")
    registration_create(
        event=EventFactory(title="Семинар при упавшем кэше"), teacher=teacher_a.teacher_profile
    )
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    page = home(login(teacher_a)).content.decode()

    assert "Семинар при упавшем кэше" in page and "План при упавшем кэше" in page
