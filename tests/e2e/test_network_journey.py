"""Journey 2: a director works through stage 2 of the roadmap, a methodologist reviews it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from network.models import Activity, Stage
from schools.models import School
from tests.conftest import log_in, switch_user
from tests.network.factories import PDF, PartnershipFactory, open_joint_activity, stage
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.browser


def test_director_and_methodologist_take_stage_two_through_review(
    page, settings, tmp_path, director_a, methodologist, school_a
):
    settings.MEDIA_ROOT = tmp_path / "media"
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    evidence = tmp_path / "Протокол.pdf"
    evidence.write_bytes(PDF)
    roadmap = reverse("network:roadmap", args=[partnership.pk])

    # The director adds an activity in stage 2 and completes it with a file.
    log_in(page, "direktor_a")
    page.goto(roadmap)
    second = page.locator("#stage-2")
    second.get_by_role("link", name="Добавить мероприятие").click()
    page.get_by_label("Мероприятие").fill("Взаимопосещение уроков математики")
    page.get_by_label("Форма взаимодействия").select_option(label="Взаимопосещение уроков")
    page.get_by_label("Срок").fill("2026-04-01")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Мероприятие добавлено.")).to_be_visible()

    second.get_by_role("link", name="Выполнить «Взаимопосещение уроков математики»").click()
    page.get_by_label("Результат").fill("Посещено 4 урока, даны рекомендации")
    page.get_by_label("Файл-подтверждение").set_input_files(str(evidence))
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Мероприятие выполнено.")).to_be_visible()
    expect(second.get_by_role("link", name="Протокол.pdf")).to_be_visible()
    second.get_by_role("button", name="Отправить этап на проверку").click()
    expect(page.get_by_text("Этап отправлен на проверку.")).to_be_visible()

    # The methodologist returns it with a comment.
    switch_user(page, "metodist")
    page.goto(roadmap)
    second.get_by_label("Что нужно доработать").fill("Приложите список участников")
    second.get_by_role("button", name="Вернуть на доработку").click()
    expect(page.get_by_text("Этап возвращён на доработку.")).to_be_visible()

    # The director sees the comment, fixes the result and submits again.
    switch_user(page, "direktor_a")
    page.goto(roadmap)
    expect(second.get_by_text("Приложите список участников")).to_be_visible()
    expect(second.get_by_text("Возвращён на доработку").first).to_be_visible()
    # A done activity's button reads «Результат», and its name begins with what it reads.
    second.get_by_role("link", name="Результат «Взаимопосещение уроков математики»").click()
    page.get_by_label("Результат").fill("Посещено 4 урока; список участников: 6 педагогов")
    page.get_by_role("button", name="Сохранить").click()
    second.get_by_role("button", name="Отправить этап на проверку").click()
    expect(page.get_by_text("Этап отправлен на проверку.")).to_be_visible()

    # The methodologist accepts it, and stage 3 opens.
    switch_user(page, "metodist")
    page.goto(roadmap)
    second.get_by_role("button", name="Принять этап").click()
    expect(page.get_by_text("Этап принят.")).to_be_visible()
    expect(page.locator("#stage-3").get_by_text("В работе")).to_be_visible()

    assert stage(partnership, Stage.Kind.JOINT_ACTIVITY).state == Stage.State.ACCEPTED
    assert stage(partnership, Stage.Kind.REFLECTION).state == Stage.State.OPEN
    activity = Activity.objects.get(stage__kind=Stage.Kind.JOINT_ACTIVITY)
    assert activity.evidence_name == "Протокол.pdf"
    assert "6 педагогов" in activity.result
