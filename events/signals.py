from django.dispatch import Signal

# Sent after the commit of every change of attendance, with ``registration``,
# ``attended`` and ``by`` (who marked it); development listens to close the plan items
# of the event.
attendance_changed = Signal()
