"""Who changed what in a roadmap and when, read from django-simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.figures_cache import bump_on_change, bump_on_rename, cached_figures
from network.models import Activity, Problem, Roadmap, Stage

# Every change of a roadmap's rows is a save or a delete of one of TRACKED's models (the
# services write no bulk), which is what bumps the kept histories.
AREA = "roadmap-history"

# The fields worth showing, per model; timestamps and file paths say nothing to a reader.
TRACKED = {
    Stage: ["state", "starts_on", "ends_on"],
    Problem: ["title", "school", "risk_factor", "description", "outcome"],
    Activity: [
        "title",
        "form",
        "state",
        "due_on",
        "responsible_school",
        "responsible_person",
        "result",
        "evidence_name",
        "evidence_link",
    ],
    Roadmap: ["conclusion"],
}


@dataclass
class Change:
    at: datetime
    user: object
    kind: str
    subject: str
    fields: list[str] = field(default_factory=list)


def _label(model, record):
    if model is Stage:
        return record.get_kind_display()
    return record.title


def _records(roadmap):
    pk = roadmap.pk
    yield Roadmap, Roadmap.history.filter(partnership_id=pk)
    yield Stage, Stage.history.filter(roadmap_id=pk)
    yield Problem, Problem.history.filter(roadmap_id=pk)
    yield Activity, Activity.history.filter(stage__roadmap_id=pk)


def _display(record, name):
    getter = getattr(record, f"get_{name}_display", None)
    if getter is not None:
        return str(getter())
    value = getattr(record, f"{name}_id", None)
    if value is not None:
        return ""  # a related object: its name would cost a query per row
    return str(getattr(record, name) or "—")


def register_invalidation():
    from accounts.models import User

    bump_on_change(AREA, *TRACKED)
    bump_on_rename(AREA, User)  # each change names its author


def roadmap_history(roadmap, limit=40) -> list[Change]:
    """The latest changes to a roadmap's stages, problems and activities, newest first;
    kept in the shared cache until one of them changes (it reads every history row of the
    roadmap to tell what each change changed)."""
    return cached_figures(
        AREA,
        f"{get_language()}:{roadmap.pk}:{limit}",
        lambda: _roadmap_history(roadmap, limit),
    )


def _roadmap_history(roadmap, limit):
    changes = []
    for model, records in _records(roadmap):
        names = TRACKED[model]
        previous = {}
        rows = records.select_related("history_user").order_by("history_date", "history_id")
        meta = model._meta
        for record in rows:
            key = getattr(record, meta.pk.attname)
            before = previous.get(key)
            previous[key] = record
            if record.history_type == "+":
                kind = _("created")
                fields = []
            elif record.history_type == "-":
                kind = _("deleted")
                fields = []
            else:
                kind = _("changed")
                fields = []
                for name in names:
                    column = meta.get_field(name).attname
                    if before is not None and getattr(before, column) == getattr(record, column):
                        continue
                    shown = _display(record, name)
                    label = str(meta.get_field(name).verbose_name)
                    fields.append(f"{label}: {shown}" if shown else label)
                if before is not None and not fields:
                    continue  # only untracked fields changed
            subject = str(meta.verbose_name).capitalize()
            if model is not Roadmap:
                subject = f"{subject} «{_label(model, record)}»"
            changes.append(Change(record.history_date, record.history_user, kind, subject, fields))
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes[:limit]
