"""Monitoring of an accepted programme in three stages: entry, interim and final."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.errors import ProgrammeError
from programmes.indicators import known_values
from programmes.models import Measure, MeasureProgress, MonitoringRound, Programme
from programmes.models.documents import CONCLUDED
from programmes.services.review import PROGRAMME_FLOW


def _require_accepted(programme):
    if programme.state != Programme.State.ACCEPTED:
        raise ProgrammeError(_("Monitoring starts when the curator has accepted the programme."))


@transaction.atomic
def monitoring_enter(*, programme, stage, by, rows) -> MonitoringRound:
    """Record each measure's state and its indicator's value at a monitoring stage.

    ``rows`` maps a measure's id to {"state", "value", "note"}. A stage comes after the
    one before it; once the curator has written the conclusion, the stage is closed.
    The measure takes the state reported, and its completion date when it is done.
    A measure whose indicator is a monitoring one with a published value takes that value
    (``programmes.indicators.known_values`` on the day of the stage), whatever the row says;
    the others take the value typed.
    """
    programme = (
        Programme.objects.select_for_update().select_related("profile__school").get(pk=programme.pk)
    )
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
    measures = list(Measure.objects.filter(risk__programme=programme).select_for_update())
    known = known_values(
        school=programme.profile.school, measures=measures, on=today, year=programme.profile.year
    )
    for measure in measures:
        row = rows.get(measure.pk)
        if row is None:
            continue
        state = Measure.State(row["state"])
        value = known.get(measure.pk)
        MeasureProgress.objects.update_or_create(
            round=monitoring,
            measure=measure,
            defaults={
                "state": state,
                "value": value.value if value else row.get("value"),
                "monitoring_period": value.period if value else "",
                "note": row.get("note", ""),
            },
        )
        if measure.state != state:
            measure.state = state
            measure.completed_on = (
                (measure.completed_on or today) if state == Measure.State.DONE else None
            )
            measure._history_user = by
            measure.save(update_fields=["state", "completed_on"])
    return monitoring


@transaction.atomic
def monitoring_conclude(*, monitoring, by, conclusion) -> MonitoringRound:
    """The curator's conclusion on a monitoring stage; it closes the stage.

    The conclusion is recorded in the programme's review thread as well (through the same
    flow as the review's moves and comments), linked to its stage.
    """
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise ProgrammeError(_("The conclusion is empty."))
    monitoring = (
        MonitoringRound.objects.select_for_update()
        .select_related("programme")
        .get(pk=monitoring.pk)
    )
    if monitoring.conclusion:
        raise ProgrammeError(_("The curator has concluded this stage: it is closed."))
    monitoring.conclusion = conclusion
    monitoring._history_user = by
    monitoring.save(update_fields=["conclusion"])
    PROGRAMME_FLOW.record(
        monitoring.programme,
        by=by,
        action=CONCLUDED[monitoring.stage],
        text=conclusion,
        monitoring_round=monitoring,
    )
    return monitoring
