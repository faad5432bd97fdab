"""Monitoring of an accepted programme in three stages: entry, interim and final."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.errors import ProgrammeError
from programmes.models import Measure, MeasureProgress, MonitoringRound, Programme


def _require_accepted(programme):
    if programme.state != Programme.State.ACCEPTED:
        raise ProgrammeError(_("Monitoring starts when the curator has accepted the programme."))


@transaction.atomic
def monitoring_enter(*, programme, stage, by, rows) -> MonitoringRound:
    """Record each measure's state and its indicator's value at a monitoring stage.

    ``rows`` maps a measure's id to {"state", "value", "note"}. A stage comes after the
    one before it; once the curator has written the conclusion, the stage is closed.
    The measure takes the state reported, and its completion date when it is done.
    """
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _require_accepted(programme)
    stage = MonitoringRound.Stage(stage)
    index = MonitoringRound.ORDER.index(stage)
    done = set(programme.rounds.values_list("stage", flat=True))
    if index and MonitoringRound.ORDER[index - 1] not in done:
        raise ProgrammeError(
            _("Enter the «%(previous)s» first.")
            % {"previous": MonitoringRound.ORDER[index - 1].label.lower()}
        )
    monitoring, created = MonitoringRound.objects.get_or_create(
        programme=programme, stage=stage, defaults={"entered_by": by}
    )
    if not created and monitoring.conclusion:
        raise ProgrammeError(_("The curator has concluded this stage: it is closed."))
    if not created:
        monitoring.entered_by = by
        monitoring.entered_at = timezone.now()
        monitoring.save(update_fields=["entered_by", "entered_at"])
    today = timezone.localdate()
    for measure in Measure.objects.filter(risk__programme=programme).select_for_update():
        row = rows.get(measure.pk)
        if row is None:
            continue
        state = Measure.State(row["state"])
        MeasureProgress.objects.update_or_create(
            round=monitoring,
            measure=measure,
            defaults={"state": state, "value": row.get("value"), "note": row.get("note", "")},
        )
        if measure.state != state:
            measure.state = state
            measure.completed_on = (
                (measure.completed_on or today) if state == Measure.State.DONE else None
            )
            measure._history_user = by
            measure.save(update_fields=["state", "completed_on"])
    return monitoring


def monitoring_conclude(*, monitoring, by, conclusion) -> MonitoringRound:
    """The curator's conclusion on a monitoring stage; it closes the stage."""
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise ProgrammeError(_("The conclusion is empty."))
    monitoring.conclusion = conclusion
    monitoring._history_user = by
    monitoring.save(update_fields=["conclusion"])
    return monitoring
