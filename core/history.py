"""The audit trail: who changed what and when, old → new, read in Russian.

Models keep their history with ``AuditTrail()`` (django-simple-history). A service that
takes ``by`` wraps its writes in ``@audited``, so the history names that user also when
no request is around (a Celery task, a management command, a test). The admin's history
page and the portal's «История изменений» both render ``change_rows``.
"""

import contextvars
import functools
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from core.formats import decimal_comma, no_break_after_numero

_acting = contextvars.ContextVar("history_acting_user", default=None)


@contextmanager
def acting_user(user):
    """Name ``user`` in every history record written inside; ``None`` keeps the outer one."""
    if user is None or not getattr(user, "pk", None):
        yield
        return
    token = _acting.set(user)
    try:
        yield
    finally:
        _acting.reset(token)


def audited(service):
    """Run a service with its ``by`` keyword as the author of the history it writes."""

    @functools.wraps(service)
    def wrapper(*args, **kwargs):
        with acting_user(kwargs.get("by")):
            return service(*args, **kwargs)

    return wrapper


def history_user(request=None, **kwargs):
    """The author of a record: the service's ``by``, else the user of the request."""
    user = _acting.get()
    if user is not None:
        return user
    return getattr(request, "user", None)


class AuditTrail(HistoricalRecords):
    """HistoricalRecords that skip a save of excluded fields only (a login's ``last_login``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("get_user", history_user)
        super().__init__(**kwargs)

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not created and update_fields and set(update_fields) <= set(self.excluded_fields):
            return
        super().post_save(instance, created, using=using, **kwargs)


# --- reading ------------------------------------------------------------------


@dataclass
class ChangeRow:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    record: object
    when: object
    user: object
    action: str
    subject: str
    rows: list[ChangeRow] = field(default_factory=list)


def display_value(model_field, value) -> str:
    """A field's value as a methodologist reads it: choice labels, names, «3» for 3.00."""
    if value is None or value == "":
        return "—"
    if isinstance(model_field, models.ManyToManyField):
        return ", ".join(str(v) for v in value) or "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        # A person by their name: a teacher's __str__ would fetch their school for each row.
        return no_break_after_numero(str(getattr(value, "full_name", "") or value))
    if isinstance(model_field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | float):
        return decimal_comma(value)  # «3», not «3,00»; a fraction keeps its digits: «91,5»
    if isinstance(model_field, models.DateTimeField):
        return date_format(localtime(value), "DATETIME_FORMAT")
    if isinstance(model_field, models.DateField):
        return date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.FileField):
        return str(getattr(value, "name", value)).rsplit("/", 1)[-1]
    return no_break_after_numero(str(value))  # «Гимназия № 10» never breaks after «№»


def _first_upper(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]  # not capitalize(): it would lower «ГИА»


def field_label(model, name) -> str:
    return _first_upper(model._meta.get_field(name).verbose_name)


def change_rows(record, previous=None) -> list[ChangeRow]:
    """What ``record`` changed since ``previous`` (its predecessor if not given), in Russian.

    A creation lists the values it set; a deletion lists nothing.
    """
    model = record.instance_type
    if record.history_type == "-":
        return []
    if previous is None and record.history_type != "+":
        previous = record.prev_record
    if previous is None:
        rows = []
        tracked = _tracked_names(record)
        for model_field in model._meta.concrete_fields:
            if model_field.primary_key or model_field.name not in tracked:
                continue
            value = getattr(record, model_field.name)
            if model_field.is_relation:
                value = _related(record, model_field)
            if value is None or value == "":
                continue
            rows.append(
                ChangeRow(
                    field_label(model, model_field.name), "—", display_value(model_field, value)
                )
            )
        return rows
    delta = record.diff_against(previous, foreign_keys_are_objs=True)
    return [
        ChangeRow(
            field_label(model, change.field),
            display_value(model._meta.get_field(change.field), change.old),
            display_value(model._meta.get_field(change.field), change.new),
        )
        for change in delta.changes
    ]


def _related(record, model_field):
    try:
        return getattr(record, model_field.name)
    except model_field.related_model.DoesNotExist:
        return getattr(record, model_field.attname)


def _tracked_names(record):
    return {f.name for f in record.instance_type._meta.concrete_fields} & {
        f.name for f in record._meta.fields
    }


def history_entries(*histories, limit=100) -> list[HistoryEntry]:
    """The newest records of several history querysets, merged by date, with their rows."""
    records = []
    for history in histories:
        relations = [f.name for f in history.model._meta.fields if isinstance(f, models.ForeignKey)]
        records.extend(history.select_related(*relations).order_by("-history_date")[:limit])
    records.sort(key=lambda r: (r.history_date, r.pk), reverse=True)
    # Each record's predecessor, when it is among the fetched ones: no query for it.
    previous, last_seen = {}, {}
    for record in reversed(records):
        key = (record.instance_type, record.id)
        previous[record.pk, record.instance_type] = last_seen.get(key)
        last_seen[key] = record
    entries = []
    for record in records[:limit]:
        entries.append(
            HistoryEntry(
                record=record,
                when=record.history_date,
                user=record.history_user,
                action=record.get_history_type_display(),
                subject=_first_upper(record.instance_type._meta.verbose_name),
                rows=change_rows(record, previous[record.pk, record.instance_type]),
            )
        )
    return entries
