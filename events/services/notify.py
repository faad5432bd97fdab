"""Enqueue the e-mails of a change once its transaction commits."""

from functools import partial

from django.db import transaction

from ..notifications import Notice


def notify_registration(registration_id: int, notice: Notice) -> None:
    from ..tasks import send_registration_notice

    transaction.on_commit(partial(send_registration_notice.delay, registration_id, notice.value))


def notify_event(event_id: int, notice: Notice) -> None:
    from ..tasks import send_event_notice

    transaction.on_commit(partial(send_event_notice.delay, event_id, notice.value))
