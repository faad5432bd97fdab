"""Receivers that keep development plans in step with the events app."""

from development.services.plans import plan_items_apply_attendance


def on_attendance_changed(sender, *, registration, attended, by=None, **kwargs):
    """Close (or reopen) the teacher's plan items of the event whose attendance changed."""
    plan_items_apply_attendance(registration=registration, attended=attended, by=by)
