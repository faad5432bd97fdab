"""A demo director logs in, opens their school and edits a teacher, in Chromium."""

import pytest
from django.core.management import call_command

from schools.models import Teacher
from tests.conftest import log_in, open_menu

pytestmark = pytest.mark.browser


def test_director_edits_a_teacher_of_their_school(page, transactional_db):
    call_command("load_demo", verbosity=0)
    director = Teacher.objects.get(user__username="direktor")
    colleague = director.school.teachers.exclude(pk=director.pk).order_by("last_name").first()

    log_in(page, "direktor", "demo12345")
    open_menu(page, "Школы", "Моя школа")
    page.get_by_role("heading", name=director.school.short_name).wait_for()
    page.get_by_role("link", name="список учителей").click()
    page.get_by_placeholder("Фамилия, имя или должность").fill(colleague.last_name)
    page.get_by_role("button", name="Найти").click()
    page.get_by_role("link", name=f"Изменить: {colleague.full_name}").first.click()
    page.get_by_label("Должность").fill("учитель-наставник")
    page.get_by_label("Математика").check()
    page.get_by_label("использует онлайн-платформы").check()
    page.get_by_role("button", name="Сохранить").click()

    page.get_by_text("Изменения").wait_for()
    colleague.refresh_from_db()
    assert colleague.position == "учитель-наставник"
    assert "Математика" in {s.name for s in colleague.subjects.all()}
    assert colleague.uses_online_platforms
    assert "учитель-наставник" in page.content()
