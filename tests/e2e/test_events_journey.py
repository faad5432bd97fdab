"""Journey 3 in a real browser: a teacher finds a seminar, registers, and later
downloads the certificate after a methodologist has marked attendance."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from events.models import Event, Registration
from tests.conftest import log_in, open_menu, switch_user
from tests.events.factories import EventFactory
from tests.schools.factories import SubjectFactory

pytestmark = pytest.mark.browser

TITLE = "Семинар «Смысловое чтение на уроках»"


@pytest.fixture
def seminars(transactional_db):
    reading = SubjectFactory(name="Русский язык")
    start = timezone.now() + timedelta(days=2)
    EventFactory(
        title="Вебинар по ГИА по математике",
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    return EventFactory(
        title=TITLE,
        kind=Event.Kind.SEMINAR,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        subjects=[reading],
    )


def test_teacher_registers_attends_and_downloads_the_certificate(
    page, teacher_a, methodologist, seminars
):
    with time_machine.travel(timezone.now(), tick=True) as clock:
        log_in(page, teacher_a.username)
        open_menu(page, "Мероприятия", "Календарь мероприятий")
        page.get_by_role("link", name="Список").click()
        page.get_by_label("Вид").select_option(label="Семинар")
        page.get_by_role("button", name="Найти").click()
        assert page.get_by_text("Вебинар по ГИА по математике").count() == 0
        page.get_by_role("link", name=TITLE).click()
        page.get_by_role("button", name="Зарегистрироваться").click()
        page.get_by_text("Вы зарегистрированы.").wait_for()

        open_menu(page, "Мероприятия", "Мои мероприятия")
        assert page.get_by_role("link", name=TITLE).is_visible()

        # Two days later the seminar has taken place.
        clock.shift(timedelta(days=2, hours=4))
        switch_user(page, methodologist.username)
        page.goto(reverse("events:detail", args=[seminars.pk]))
        page.get_by_role("link", name="Отметить посещаемость").click()
        page.get_by_label(teacher_a.teacher_profile.full_name).check()
        page.get_by_role("button", name="Сохранить посещаемость").click()
        page.get_by_text("Посещаемость сохранена").wait_for()
        registration = Registration.objects.get(event=seminars)
        assert registration.attended is True

        switch_user(page, teacher_a.username)
        page.goto(reverse("events:my"))
        with page.expect_download() as download:
            page.get_by_role("link", name="Сертификат").click()
        pdf = PdfReader(BytesIO(download.value.path().read_bytes()))
        text = " ".join(pdf.pages[0].extract_text().split())
        assert teacher_a.teacher_profile.full_name in text
        assert TITLE in text
