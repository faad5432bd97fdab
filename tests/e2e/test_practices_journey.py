"""Journey 6: a leader school's practice reaches a low-results school through the bank."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.roles import Role
from notifications.models import Kind, Notification
from practices.models import Practice
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.conftest import log_in, switch_user
from tests.network.factories import (
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    complete,
    open_joint_activity,
    pdf,
)
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.browser


def test_a_leader_schools_practice_is_found_downloaded_and_discussed(
    page, settings, tmp_path, director_a, teacher_a, methodologist, school_a
):
    settings.MEDIA_ROOT = tmp_path / "media"
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    author = UserFactory(username="uchitel_lidera", role=Role.TEACHER, last_name="Орлова")
    TeacherFactory(school=leader, user=author, last_name="Орлова")
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    joint = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    activity = add_activity(joint, title="Взаимопосещение уроков математики", school=leader)
    complete(activity, file=pdf("Протокол.pdf"))
    colleague = UserFactory(username="kollega", role=Role.TEACHER)
    association = MethodicalAssociationFactory(leader=TeacherFactory(school=leader, user=colleague))
    association.members.add(teacher_a.teacher_profile)

    # The leader school's teacher proposes the activity's evidence to the bank.
    log_in(page, "uchitel_lidera")
    page.goto(reverse("network:roadmap", args=[partnership.pk]))
    page.get_by_role("button", name="Предложить в банк «Взаимопосещение уроков математики»").click()
    expect(page.get_by_text("составлен черновик практики")).to_be_visible()
    page.get_by_role("button", name="Отправить на проверку").click()
    expect(page.get_by_text("Практика отправлена на проверку.")).to_be_visible()

    # A methodologist publishes it.
    switch_user(page, "metodist")
    page.goto(reverse("practices:list"))
    page.get_by_role("link", name="Взаимопосещение уроков математики").click()
    page.get_by_role("button", name="Опубликовать в банке").click()
    expect(page.get_by_text("Практика опубликована в банке.")).to_be_visible()

    # A low-results school's teacher finds it by a word in another case and downloads it.
    switch_user(page, "uchitel_a")
    page.goto(reverse("practices:list"))
    page.get_by_label("Поиск").fill("взаимопосещения")
    page.get_by_role("button", name="Найти").click()
    page.get_by_role("link", name="Взаимопосещение уроков математики").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать «Протокол.pdf»").click()
    assert download.value.suggested_filename == "Протокол.pdf"
    practice = Practice.objects.get()
    assert practice.download_count == 1 and practice.state == Practice.State.PUBLISHED

    # And asks a question in her association, whose members are notified.
    page.goto(reverse("practices:association", args=[association.pk]))
    page.get_by_label("Новое сообщение: вопрос, идея, материал").fill(
        "Кто пробовал взаимопосещения в 5 классах? Поделитесь, пожалуйста."
    )
    page.get_by_role("button", name="Опубликовать сообщение").click()
    expect(
        page.get_by_text("Сообщение опубликовано, участники получили уведомление.")
    ).to_be_visible()
    expect(page.get_by_text("Кто пробовал взаимопосещения в 5 классах?")).to_be_visible()
    assert Notification.objects.filter(user=colleague, kind=Kind.ASSOCIATION_POST).exists()
