"""Bulk writes that keep their history, fast enough for an import of a whole region.

simple-history's bulk helpers build a historical model object per row in Python and
insert those; on PostgreSQL the history is copied here by the database from the rows
just written, one ``INSERT … SELECT`` a batch. Elsewhere (SQLite in development) the
helpers of simple-history do it. Bulk writes send no signals, so both helpers tell the
figures cache themselves (``rows_written``).
"""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from core.figures_cache import rows_written
from core.history import history_user

CREATED, CHANGED = "+", "~"


def bulk_create_recorded(objs, model, *, batch_size=1000, by=None, reason=None):
    """Insert ``objs`` and a «created» history record of each; answer them with their pks."""
    objs = list(objs)
    if connection.vendor != "postgresql":
        bulk_create_with_history(
            objs, model, batch_size=batch_size, default_user=by, default_change_reason=reason
        )
        rows_written(model)
        return objs
    with transaction.atomic(savepoint=False):
        for start in range(0, len(objs), batch_size):
            batch = objs[start : start + batch_size]
            _insert(batch, model)
            history_copy(model, [obj.pk for obj in batch], kind=CREATED, by=by, reason=reason)
    rows_written(model)
    return objs


def bulk_update_recorded(objs, model, *, fields, batch_size=1000, by=None, reason=None):
    """Update many rows and record their history, as simple-history's
    ``bulk_update_with_history`` does, but on PostgreSQL in one ``UPDATE … FROM (VALUES …)``
    a batch: Django's ``bulk_update`` builds a CASE WHEN per row and field, which costs
    far more than the update itself (200 rows/s against thousands)."""
    objs = list(objs)
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            for start in range(0, len(objs), batch_size):
                batch = objs[start : start + batch_size]
                _update_from_values(batch, model, fields)
                history_copy(model, [obj.pk for obj in batch], kind=CHANGED, by=by, reason=reason)
        else:
            model._default_manager.bulk_update(objs, fields, batch_size=batch_size)
            get_history_manager_for_model(model).bulk_history_create(
                objs,
                batch_size=batch_size,
                update=True,
                default_user=by,
                default_change_reason=reason or "",
            )
    rows_written(model)


def history_copy(model, pks, *, kind, by=None, reason=None, when=None):
    """Record the rows ``pks`` of ``model`` as they are now, in one ``INSERT … SELECT``
    (PostgreSQL): ``kind`` «+» for created, «~» for changed, by ``by`` (else the acting
    user of ``core.history``)."""
    if not pks or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history = get_history_manager_for_model(model).model
    user = by if by is not None else history_user()
    quote = connection.ops.quote_name
    tracked = [quote(f.column) for f in history.tracked_fields]
    columns = [
        *tracked,
        quote(history._meta.get_field("history_date").column),
        quote(history._meta.get_field("history_type").column),
        quote(history._meta.get_field("history_user").column),
        quote(history._meta.get_field("history_change_reason").column),
    ]
    pk = model._meta.pk
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(tracked)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
        f"WHERE {quote(pk.column)} = ANY(%s::{pk.cast_db_type(connection)}[])"
    )
    params = [
        when or timezone.now(),
        kind,
        getattr(user, "pk", None),
        reason,
        list(pks),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _insert(objs, model):
    """Insert new rows in one ``INSERT … SELECT FROM UNNEST`` and give the objects their pks.

    What Django's ``bulk_create`` sends for such rows, without the cost of compiling it
    value by value, which is most of an import's time; anything unusual goes to Django.
    """
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk and not f.generated]
    if not objs:
        return
    if (
        any(obj.pk is not None for obj in objs)
        or not opts.pk.db_returning
        or any(hasattr(f, "get_placeholder") for f in fields)
        or any(
            (f.target_field if f.is_relation else f).get_internal_type()
            not in connection.data_types
            for f in fields
        )
    ):
        model._default_manager.bulk_create(objs, batch_size=len(objs))
        return
    for obj in objs:  # a related object saved after it was set lends its pk, as in Django
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    db = transaction.get_connection()  # the connection itself: not asked through the proxy
    columns = [_column(f, objs, db) for f in fields]
    if any(hasattr(value, "as_sql") for column in columns for value in column):
        model._default_manager.bulk_create(objs, batch_size=len(objs))
        return
    quote = connection.ops.quote_name
    arrays = ", ".join(f"%s::{f.db_type(connection).split('(')[0]}[]" for f in fields)
    sql = (
        f"INSERT INTO {quote(opts.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT * FROM UNNEST({arrays}) RETURNING {quote(opts.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, columns)
        pks = [row[0] for row in cursor.fetchall()]
    for obj, pk in zip(objs, pks, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias


# What PostgreSQL takes as it is, by field type: Django's preparation of such a value for
# such a field changes nothing (an aware datetime only), nor of None for these fields.
_INTEGER = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField"}
_INTEGER |= {"PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField"}
_PLAIN = {
    **dict.fromkeys(_INTEGER, lambda value: type(value) is int),
    "CharField": lambda value: type(value) is str,
    "TextField": lambda value: type(value) is str,
    "BooleanField": lambda value: type(value) is bool,
    "DecimalField": lambda value: type(value) is Decimal and value.is_finite(),
    "DateField": lambda value: type(value) is date,
    "DateTimeField": lambda value: type(value) is datetime and value.tzinfo is not None,
}


def _column(field, objs, db):
    """The database values of ``field`` of every object, as Django's ``bulk_create`` makes
    them for PostgreSQL; plain values of plain fields are taken as they are, which is most
    of a row."""
    target = field.target_field if field.is_relation else field
    plain = _PLAIN.get(target.get_internal_type())
    pre_save, prepare = field.pre_save, field.get_db_prep_save
    if plain is None:
        return [prepare(pre_save(obj, True), db) for obj in objs]
    values = []
    for obj in objs:
        value = pre_save(obj, True)
        values.append(value if value is None or plain(value) else prepare(value, db))
    return values


def _update_from_values(objs, model, fields):
    if not objs:
        return
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = [pk, *(model._meta.get_field(name) for name in fields)]
    row = "(" + ", ".join(f"%s::{c.cast_db_type(connection)}" for c in columns) + ")"
    names = ", ".join(quote(c.column) for c in columns)
    sets = ", ".join(f"{quote(c.column)} = v.{quote(c.column)}" for c in columns[1:])
    table = quote(model._meta.db_table)
    sql = (
        f"UPDATE {table} SET {sets} FROM (VALUES {', '.join([row] * len(objs))}) "
        f"AS v({names}) WHERE {table}.{quote(pk.column)} = v.{quote(pk.column)}"
    )
    params = [
        column.get_db_prep_save(getattr(obj, column.attname), connection)
        for obj in objs
        for column in columns
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
