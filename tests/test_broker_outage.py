"""With Redis down, users' actions succeed; once it is back, every e-mail goes exactly once.

Real processes on a Redis of the test's own: gunicorn, a Celery worker and beat. The
test stops that Redis (losing every queued message, as a restart without persistence
does), acts through HTTP, starts it again and waits for the outbox to catch up.
"""

import pytest

from events.models import Registration
from network.models import Stage
from outbox.models import OutboxItem
from reports.models import Report
from tests.events.factories import EventFactory, RegistrationFactory
from tests.network.factories import PartnershipFactory, add_problem, stage
from tests.pdf import pdf_text
from tests.schools.factories import TeacherFactory
from tests.stack import Redis, Stack, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.worker]


@pytest.fixture
def redis():
    server = Redis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def stack(transactional_db, redis, tmp_path):
    portal = Stack(broker_url=redis.url, tmp_path=tmp_path)
    yield portal
    portal.stop()


def test_actions_succeed_while_redis_is_down_and_each_mail_arrives_once_after(
    stack, redis, school_a, teacher_a, director_a, coordinator
):
    teacher_a.teacher_profile.email = "first@example.org"
    teacher_a.teacher_profile.save()
    partnership = PartnershipFactory(schools=[school_a])
    add_problem(partnership)
    first_stage = stage(partnership, Stage.Kind.ACQUAINTANCE)
    event = EventFactory(title="Семинар «Читательская грамотность»", capacity=1)
    mine = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    waiting.teacher.email = "second@example.org"
    waiting.teacher.save()
    other_event = EventFactory(title="Вебинар «Функциональная грамотность»")
    colleague = TeacherFactory(school=school_a, email="third@example.org")

    stack.start_server()
    stack.start_worker()
    stack.start_beat()
    redis.stop()

    # Every answer is the success redirect, not a 500.
    register = f"/events/{other_event.pk}/register/"
    assert stack.post(director_a, register, {"teacher": colleague.pk}) == 302
    assert stack.post(teacher_a, f"/events/registrations/{mine.pk}/cancel/") == 302
    assert stack.post(director_a, f"/network/stages/{first_stage.pk}/submit/") == 302
    report_form = {"kind": "school", "school": school_a.pk}
    assert stack.post(coordinator, "/reports/order/", report_form) == 302

    mine.refresh_from_db()
    waiting.refresh_from_db()
    first_stage.refresh_from_db()
    assert other_event.registrations.get().teacher == colleague
    assert mine.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED  # promoted at once
    assert first_stage.state == Stage.State.SUBMITTED
    report = Report.objects.get()
    assert report.status == Report.Status.QUEUED
    assert OutboxItem.objects.exclude(state=OutboxItem.State.DONE).exists()
    assert stack.letters() == []

    redis.start()
    wait_until(
        lambda: Report.objects.get().status == Report.Status.DONE,
        timeout=120,
        message="the report to be done once Redis is back",
    )
    wait_until(
        lambda: not OutboxItem.objects.exclude(state=OutboxItem.State.DONE).exists(),
        timeout=60,
        message="the outbox to be empty",
    )
    letters = stack.letters()
    # The promoted and the registered teacher, and the coordinator whose report is ready.
    assert sorted(to for to, _ in letters) == [
        coordinator.email,
        "second@example.org",
        "third@example.org",
    ], letters
    report.refresh_from_db()
    assert report.attempts == 1
    assert report.file.name.endswith(f"report-{report.pk}.pdf")
    assert str(school_a) in pdf_text(report.file.read())
