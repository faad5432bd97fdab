"""The curators' conclusions written before they went into the programme's review thread."""

from django.db import migrations

CONCLUDED = {
    "entry": "concluded_entry",
    "interim": "concluded_interim",
    "final": "concluded_final",
}


def record_conclusions(apps, schema_editor):
    MonitoringRound = apps.get_model("programmes", "MonitoringRound")
    HistoricalMonitoringRound = apps.get_model("programmes", "HistoricalMonitoringRound")
    ProgrammeEntry = apps.get_model("programmes", "ProgrammeEntry")
    rounds = MonitoringRound.objects.exclude(conclusion="").filter(entries__isnull=True)
    for monitoring in rounds:
        # Who wrote the conclusion, and when: the first history record that has it.
        written = (
            HistoricalMonitoringRound.objects.filter(id=monitoring.pk, conclusion=monitoring.conclusion)
            .order_by("history_date")
            .first()
        )
        ProgrammeEntry.objects.create(
            programme_id=monitoring.programme_id,
            monitoring_round=monitoring,
            action=CONCLUDED[monitoring.stage],
            text=monitoring.conclusion,
            author_id=written.history_user_id if written else None,
            created_at=written.history_date if written else monitoring.entered_at,
        )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0002_curator_history_monitoring_values")]

    operations = [migrations.RunPython(record_conclusions, migrations.RunPython.noop)]
