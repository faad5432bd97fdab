"""The outbox: nothing a committed change causes is lost, nothing is done twice."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from events.services.notify import REGISTRATION_NOTICE
from outbox.models import OutboxItem
from outbox.services import backlog, dispatch, enqueue, run, sweep
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db
State = OutboxItem.State


def notice_item(registration, **fields):
    """An item as a service writes it, in the state a test needs."""
    return OutboxItem.objects.create(
        handler=REGISTRATION_NOTICE,
        kwargs={"registration_id": registration.pk, "notice": "event_reminder"},
        **fields,
    )


@pytest.fixture
def registration(db):
    return RegistrationFactory(teacher=TeacherFactory(email="uchitel@example.org"))


def test_registration_while_the_broker_is_down_succeeds_and_mails_once_it_is_back(
    broker_down, login, teacher_a, django_capture_on_commit_callbacks
):
    teacher_a.email = "uchitel@example.org"
    teacher_a.save()
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(teacher_a).post(reverse("events:register", args=[event.pk]))

    assert response.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1
    item = OutboxItem.objects.get()
    assert (item.state, item.attempts) == (State.PENDING, 0)
    assert mail.outbox == []

    broker_down()  # the broker is back (tasks run in-process)
    assert sweep() == 1
    assert sweep() == 0
    assert [m.to for m in mail.outbox] == [["uchitel@example.org"]]
    item.refresh_from_db()
    assert (item.state, item.attempts) == (State.DONE, 1)


def test_a_rolled_back_change_leaves_nothing_to_do(registration):
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(REGISTRATION_NOTICE, registration_id=registration.pk, notice="event_reminder")
        raise RuntimeError("the change failed")
    assert not OutboxItem.objects.exists()


def test_an_item_is_handed_out_after_the_commit(registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(REGISTRATION_NOTICE, registration_id=registration.pk, notice="event_reminder")
        assert OutboxItem.objects.get().state == State.PENDING
    assert OutboxItem.objects.get().state == State.DONE
    assert len(mail.outbox) == 1


def test_a_message_delivered_twice_sends_one_mail(registration):
    item = notice_item(registration, state=State.DISPATCHED, attempts=1)

    assert run(item.pk, 1) == "done"
    assert run(item.pk, 1) == "skipped"
    assert len(mail.outbox) == 1


def test_a_message_of_an_earlier_hand_out_does_nothing(registration):
    item = notice_item(registration, state=State.DISPATCHED, attempts=2)

    assert run(item.pk, 1) == "skipped"
    assert mail.outbox == []
    assert run(item.pk, 2) == "done"
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_is_tried_again_later(registration, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    item = notice_item(registration, state=State.DISPATCHED, attempts=1)

    assert run(item.pk, 1) == "retry"
    item.refresh_from_db()
    assert (item.state, item.failures) == (State.PENDING, 1)
    assert "ConnectionRefusedError" in item.last_error
    assert item.available_at > timezone.now()
    assert sweep() == 0  # not due yet

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        assert sweep() == 1
    item.refresh_from_db()
    assert (item.state, item.attempts) == (State.DONE, 2)
    assert len(mail.outbox) == 1


def test_an_item_is_given_up_after_too_many_failures_and_the_error_is_logged(
    registration, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    settings.OUTBOX_MAX_FAILURES = 2
    item = notice_item(registration, state=State.DISPATCHED, attempts=1, failures=1)

    with caplog.at_level(logging.ERROR, logger="outbox.services"):
        assert run(item.pk, 1) == "failed"
    item.refresh_from_db()
    assert item.state == State.FAILED
    assert f"Outbox item {item.pk} ({REGISTRATION_NOTICE}) failed for good" in caplog.text


def test_an_unknown_handler_fails_at_once():
    item = OutboxItem.objects.create(handler="nobody.knows", state=State.DISPATCHED, attempts=1)
    assert run(item.pk, 1) == "failed"
    item.refresh_from_db()
    assert "nobody.knows" in item.last_error


def test_a_lost_message_is_handed_out_again(registration, settings):
    long_ago = timezone.now() - timedelta(seconds=settings.OUTBOX_REDISPATCH_SECONDS + 1)
    item = notice_item(registration, state=State.DISPATCHED, attempts=1, dispatched_at=long_ago)
    fresh = notice_item(registration, state=State.DISPATCHED, attempts=1)

    assert sweep() == 1
    item.refresh_from_db()
    fresh.refresh_from_db()
    assert (item.state, item.attempts) == (State.DONE, 2)
    assert fresh.state == State.DISPATCHED  # still on its way
    assert len(mail.outbox) == 1


def test_the_item_of_a_lost_worker_counts_as_a_failure_and_runs_again(registration, settings):
    long_ago = timezone.now() - timedelta(seconds=settings.OUTBOX_RUN_TIMEOUT_SECONDS + 1)
    item = notice_item(registration, state=State.RUNNING, attempts=1, started_at=long_ago)

    assert sweep() == 0
    item.refresh_from_db()
    assert (item.state, item.failures) == (State.PENDING, 1)
    assert "worker was lost" in item.last_error
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        assert sweep() == 1
    assert len(mail.outbox) == 1


def test_dispatch_hands_out_only_a_pending_item(registration):
    item = notice_item(registration, state=State.DONE)
    assert dispatch(item.pk) is False
    assert mail.outbox == []


def test_the_backlog_counts_waiting_items_and_the_oldest_age(registration):
    assert backlog() == {"pending": 0, "failed": 0, "oldest_age_seconds": 0}
    with time_machine.travel(timezone.now() - timedelta(minutes=5)):
        notice_item(registration)
    notice_item(registration, state=State.DISPATCHED)
    notice_item(registration, state=State.FAILED)
    notice_item(registration, state=State.DONE)

    summary = backlog()
    assert (summary["pending"], summary["failed"]) == (2, 1)
    assert 299 <= summary["oldest_age_seconds"] <= 310


def test_healthz_shows_the_outbox_backlog(client, registration):
    notice_item(registration)
    body = client.get("/healthz").json()
    assert body["outbox"]["pending"] == 1


def test_done_items_are_forgotten_after_the_keeping_time(registration, settings):
    old = timezone.now() - timedelta(days=settings.OUTBOX_KEEP_DAYS + 1)
    notice_item(registration, state=State.DONE, done_at=old)
    recent = notice_item(registration, state=State.DONE, done_at=timezone.now())
    failed = notice_item(registration, state=State.FAILED, done_at=old)

    sweep()
    assert set(OutboxItem.objects.values_list("pk", flat=True)) == {recent.pk, failed.pk}


def test_an_event_notice_becomes_one_item_per_participant(django_capture_on_commit_callbacks):
    from events.notifications import Notice
    from events.services.notify import notify_event

    event = EventFactory()
    for address in ("a@example.org", "b@example.org"):
        RegistrationFactory(event=event, teacher=TeacherFactory(email=address))
    with django_capture_on_commit_callbacks(execute=True):
        notify_event(event.pk, Notice.CANCELLED)

    assert OutboxItem.objects.filter(state=State.DONE).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_messages_queued_by_an_earlier_version_still_send_their_mail(
    registration, django_capture_on_commit_callbacks
):
    from events.tasks import send_registration_notice

    with django_capture_on_commit_callbacks(execute=True):
        send_registration_notice.apply(args=[registration.pk, "event_reminder"])
    assert OutboxItem.objects.get().state == State.DONE
    assert len(mail.outbox) == 1


def test_beat_sweeps_the_outbox_and_the_stalled_reports(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"outbox.sweep", "reports.requeue_stalled"} <= tasks


def test_admin_lists_items_and_hands_failed_ones_out_again(admin_client, registration):
    item = notice_item(registration, state=State.FAILED, failures=8, last_error="SMTP: отказ")
    url = reverse("admin:outbox_outboxitem_changelist")

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"action": "hand_out_again", "_selected_action": [item.pk]}, follow=True
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.state, item.failures) == (State.DONE, 0)
    assert len(mail.outbox) == 1
