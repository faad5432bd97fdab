"""Every change to events, registrations and attendance goes through these functions."""

from events.services.attendance import attendance_mark, attendance_mark_many, feedback_leave
from events.services.contests import application_review, application_submit
from events.services.errors import EventsError
from events.services.events import (
    event_cancel,
    event_close,
    event_create,
    event_publish,
    event_update,
)
from events.services.feeds import calendar_feed_for, calendar_feed_reset
from events.services.registrations import (
    event_fill_waitlist,
    registration_cancel,
    registration_create,
)

__all__ = [
    "EventsError",
    "application_review",
    "application_submit",
    "attendance_mark",
    "attendance_mark_many",
    "calendar_feed_for",
    "calendar_feed_reset",
    "event_cancel",
    "event_close",
    "event_create",
    "event_fill_waitlist",
    "event_publish",
    "event_update",
    "feedback_leave",
    "registration_cancel",
    "registration_create",
]
