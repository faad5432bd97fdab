from django.dispatch import Signal

# Sent after the commit of every change of attendance, with ``registration`` and
# ``attended``; monitoring listens to close the development-plan items of the event.
attendance_changed = Signal()
