"""Figures that cost a page its time, kept in the shared cache until their data changes.

Each area (``"monitoring"``) has a version number in the cache. Any change to the area's
rows bumps it: single saves and deletes through the signals that ``bump_on_change``
connects, bulk writes by calling ``rows_written`` (or ``area_changed``) themselves. A
figure is stored under the area's current version, so after a change it is computed
again; entries also expire after ``FIGURES_CACHE_SECONDS``, which bounds how long a write
that slipped past both could show stale figures. When the cache is down the figures are
computed on every request: a page is slower then, never refused.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

log = logging.getLogger(__name__)
_areas_of = {}  # model -> the areas whose figures its rows feed


def _version_key(area):
    return f"figures:{area}:version"


def area_version(area) -> int | None:
    """The area's current version; None when the cache cannot be reached."""
    key = _version_key(area)
    try:
        version = cache.get(key)
        if version is None:
            # A fresh number, never one that older entries were stored under.
            cache.add(key, time.time_ns(), None)
            version = cache.get(key)
    except Exception:  # a cache that is down only costs speed
        log.warning("figures cache unavailable", exc_info=True)
        return None
    return version


class _Pending:
    """An area bumped in the running transaction: its bump on commit is registered (in the
    connection's list of callbacks ``registered_in``) and whether a figure of the area was
    read since its last bump."""

    def __init__(self, registered_in):
        self.registered_in = registered_in
        self.read = False


def _pending(connection) -> dict:
    return connection.__dict__.setdefault("_figures_pending", {})


def area_changed(area):
    """Make every figure of the area computed again, now and when the transaction commits.

    Now, for reads inside the same transaction; on commit, because a page that read the
    data just before the commit may have stored figures under the new version. A
    transaction that writes many rows bumps once on commit, and again now only when a
    figure of the area was read since the last bump (a write outside a transaction is
    already committed: one bump).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump(area)
        return
    pending = _pending(connection).get(area)
    # Django replaces its list of callbacks on every commit and (savepoint) rollback, which
    # is when a registered bump may have run or been dropped.
    if pending is None or pending.registered_in is not connection.run_on_commit:
        _bump(area)
        transaction.on_commit(lambda: _bump(area))
        _pending(connection)[area] = _Pending(connection.run_on_commit)
    elif pending.read:
        _bump(area)
        pending.read = False


def _figure_read(area):
    connection = transaction.get_connection()
    pending = connection.__dict__.get("_figures_pending", {}).get(area)
    if pending is not None:
        pending.read = True


def _bump(area):
    key = _version_key(area)
    try:
        cache.incr(key)
    except ValueError:  # no version yet (or evicted): any fresh one will do
        cache.set(key, time.time_ns(), None)
    except Exception:
        log.warning("figures cache unavailable", exc_info=True)


def cached_figures(area, key, compute, timeout=None, keep=None):
    """``compute()``, or what it answered for ``key`` since the area last changed.

    ``timeout`` (seconds) shortens how long the answer is kept, for figures that also
    depend on the clock; ``keep(value)`` may refuse to keep an answer."""
    _figure_read(area)
    version = area_version(area)
    if version is None:
        return compute()
    full_key = f"figures:{area}:{version}:{key}"
    missing = object()
    try:
        found = cache.get(full_key, missing)
    except Exception:
        found = missing
    if found is not missing:
        return found
    value = compute()
    if keep is not None and not keep(value):
        return value
    try:
        cache.set(full_key, value, timeout or settings.FIGURES_CACHE_SECONDS)
    except Exception:
        log.warning("figures cache unavailable", exc_info=True)
    return value


def bump_on_change(area, *models):
    """Bump ``area`` whenever a row of one of ``models`` is saved or deleted (for a
    many-to-many ``through`` model, also when the relation is changed)."""

    def changed(sender, **kwargs):
        area_changed(area)

    for model in models:
        _areas_of.setdefault(model, set()).add(area)
        uid = f"figures:{area}:{model._meta.label}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        m2m_changed.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:m2m")


# What a login writes to its user, and nothing a page shows.
LOGIN_FIELDS = frozenset({"last_login", "password"})


def bump_on_rename(area, user_model):
    """Bump ``area`` whenever a user is saved (a name shown beside a change, a role), but
    not when a login writes only its time or a rehashed password."""

    def saved(sender, update_fields=None, **kwargs):
        if update_fields is not None and set(update_fields) <= LOGIN_FIELDS:
            return
        area_changed(area)

    uid = f"figures:{area}:{user_model._meta.label}:rename"
    post_save.connect(saved, sender=user_model, weak=False, dispatch_uid=uid)


def rows_written(model):
    """Tell the areas that ``model``'s rows feed of a write that sent no signal (bulk)."""
    for area in _areas_of.get(model, ()):
        area_changed(area)
