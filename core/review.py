"""One review mechanism: the author submits, a reviewer accepts or returns with a comment.

Roadmap stages, a school's risk profile and programme, and the practices of the bank all
go through it. Each reviewed model keeps its own state field and a thread of entries (an
abstract ``ReviewEntry`` subclass with a foreign key to it); a ``ReviewFlow`` says which of
its states mean what. The moves check the state, write it with the time and the user for
the history, and record the move in the thread, inside the caller's transaction.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import DomainError
from core.services import model_update


class ReviewAction(models.TextChoices):
    COMMENT = "comment", gettext_lazy("Comment")
    OPENED = "opened", gettext_lazy("Stage opened")
    SUBMITTED = "submitted", gettext_lazy("Submitted for review")
    RETURNED = "returned", gettext_lazy("Returned for revision")
    ACCEPTED = "accepted", gettext_lazy("Accepted")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


# The actions that must say something: a comment, and a return (what to fix).
TEXT_REQUIRED = (ReviewAction.COMMENT, ReviewAction.RETURNED)


class ReviewEntry(models.Model):
    """One entry of a review thread: a comment or a recorded move (abstract)."""

    Action = ReviewAction

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("author"),
    )
    action = models.CharField(
        gettext_lazy("action"),
        max_length=20,
        choices=ReviewAction.choices,
        default=ReviewAction.COMMENT,
    )
    text = models.TextField(gettext_lazy("text"), blank=True)
    created_at = models.DateTimeField(gettext_lazy("when"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.get_action_display()


@dataclass(frozen=True)
class ReviewFlow:
    """The states of one reviewed model, and how to write an entry of its thread.

    ``thread`` is the name of the entry model's foreign key to the reviewed object;
    ``submitted_at`` / ``accepted_at`` name the timestamp fields, if the model has them.
    """

    entry_model: type
    thread: str
    submittable: tuple
    submitted: str
    returned: str
    accepted: str
    state_field: str = "state"
    submitted_at: str | None = "submitted_at"
    accepted_at: str | None = "accepted_at"
    error: type = DomainError

    def state(self, obj):
        return getattr(obj, self.state_field)

    def record(self, obj, *, by, action, text="", **fields):
        """Write an entry of the object's thread; ``fields`` are the entry model's own."""
        return self.entry_model.objects.create(
            **{self.thread: obj}, author=by, action=action, text=text, **fields
        )

    def move(self, obj, state, *, by, **fields):
        model_update(instance=obj, data={self.state_field: state, **fields})
        obj._history_user = by
        obj.save()


def review_submit(*, flow: ReviewFlow, obj, by, text=""):
    """Send an editable object for review; the caller has locked it and checked its content."""
    state = flow.state(obj)
    if state == flow.submitted:
        raise flow.error(_("It is already waiting for review."))
    if state == flow.accepted:
        raise flow.error(_("It is already accepted."))
    if state not in flow.submittable:
        raise flow.error(_("It cannot be submitted in its present state."))
    stamp = {flow.submitted_at: timezone.now()} if flow.submitted_at else {}
    flow.move(obj, flow.submitted, by=by, **stamp)
    return flow.record(obj, by=by, action=ReviewAction.SUBMITTED, text=(text or "").strip())


def _require_submitted(flow, obj):
    if flow.state(obj) != flow.submitted:
        state = getattr(obj, f"get_{flow.state_field}_display")()
        raise flow.error(
            _("Only what is submitted can be reviewed; it is «%(state)s» now.") % {"state": state}
        )


def review_accept(*, flow: ReviewFlow, obj, by, comment=""):
    """Accept a submitted object; return the thread's entry of the acceptance."""
    _require_submitted(flow, obj)
    stamp = {flow.accepted_at: timezone.now()} if flow.accepted_at else {}
    flow.move(obj, flow.accepted, by=by, **stamp)
    return flow.record(obj, by=by, action=ReviewAction.ACCEPTED, text=(comment or "").strip())


def review_return(*, flow: ReviewFlow, obj, by, comment):
    """Return a submitted object for revision; the comment says what to fix."""
    comment = (comment or "").strip()
    if not comment:
        raise flow.error(_("Say what must be fixed: returning for revision needs a comment."))
    _require_submitted(flow, obj)
    flow.move(obj, flow.returned, by=by)
    return flow.record(obj, by=by, action=ReviewAction.RETURNED, text=comment)


def review_comment(*, flow: ReviewFlow, obj, by, text):
    """Add a comment to the object's review thread."""
    text = (text or "").strip()
    if not text:
        raise flow.error(_("The comment is empty."))
    return flow.record(obj, by=by, action=ReviewAction.COMMENT, text=text)
