"""
Parts of pages kept for every anonymous visitor, in the shared cache and in
each worker's memory.

- `fragment(name, build)` caches an expensive part of a page (a rendered
  briefing body, a petition's totals) for everyone who sees it in the same
  language. It is rebuilt after PUBLIC_CACHE_SECONDS, or at once when
  `bump(name)` is called.
- `bump_on_change(model, name)` bumps `name` whenever a row of `model` is
  saved or deleted, one by one (signals) or in bulk through a
  `RenewingQuerySet` (its `update()` and `bulk_create()` send no signals).

Values are kept in the worker's memory for at most LOCAL_CACHE_SECONDS too,
so the busiest keys do not cost a round trip to the shared cache on every
request (`local_get`, `local_set`, also used by `campaign.lib.responses`).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

_LOCAL_MAX_ENTRIES = 1000
_local = {}  # key -> (expires at, value), this worker only


def _clock():
    return time.monotonic()


def local_seconds(timeout):
    return min(settings.LOCAL_CACHE_SECONDS, timeout)


def local_get(key):
    entry = _local.get(key)
    if entry is None:
        return None
    expires, value = entry
    if expires <= _clock():
        _local.pop(key, None)
        return None
    return value


def local_set(key, value, seconds):
    if seconds <= 0:
        return
    if len(_local) >= _LOCAL_MAX_ENTRIES:
        _local.clear()
    _local[key] = (_clock() + seconds, value)


def clear_local():
    """Forget this worker's copies (tests, or after a deliberate purge)."""
    _local.clear()


def digest(parts):
    # Keys of a bounded length and alphabet, whatever the path holds.
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


def _version_key(name):
    return f"version:{name}"


def bump(name):
    """Mark everything cached under `name` as stale, in every worker (this one's own
    copies at once; the others' within LOCAL_CACHE_SECONDS)."""
    cache.set(_version_key(name), time.time_ns(), timeout=None)
    clear_local()


# A stale fragment is kept this many times longer than it is fresh, so that
# while one request rebuilds it the others serve the stale copy instead of
# all rebuilding at once (a slow query at 1M signatures would pile up).
STALE_FACTOR = 12


def fragment(name, build, *, key=(), timeout=None):
    """
    Return `build()`, reused for `timeout` seconds (PUBLIC_CACHE_SECONDS) by
    every request in the same language, or until `bump(name)`.

    `key` holds what else the value depends on (a slug, a page number). The
    value must not depend on who asks: nothing from the session, no token.
    """
    timeout = settings.PUBLIC_CACHE_SECONDS if timeout is None else timeout
    if timeout <= 0:
        return build()
    parts = [name, *(str(part) for part in key), get_language() or ""]
    cache_key = "fragment:" + digest(parts)
    version_key = _version_key(name)

    value = local_get(cache_key)
    if value is not None:
        return value
    # One round trip for the value and the version it was built at.
    found = cache.get_many([cache_key, version_key])
    current = found.get(version_key, 0)
    stored = found.get(cache_key)
    if stored is not None and stored[0] == current:
        _version, value, fresh_until = stored
        if fresh_until > time.time() or not cache.add(cache_key + ":rebuilding", 1, timeout):
            # Fresh, or stale while another request is rebuilding it.
            local_set(cache_key, value, local_seconds(timeout))
            return value
    # Missing, rebuilt after an editor's change, or stale and this request's turn.
    value = build()
    cache.set(cache_key, (current, value, time.time() + timeout), timeout * STALE_FACTOR)
    cache.delete(cache_key + ":rebuilding")
    local_set(cache_key, value, local_seconds(timeout))
    return value


def rows_by_slug(name, queryset, key=()):
    """{slug: row} of `queryset`, kept like a `fragment` under `name`: for views that
    look a row up by its slug on every request. `key` tells querysets apart.
    `queryset` may be a function that makes it, called only when the rows are read."""

    def read():
        rows = queryset() if callable(queryset) else queryset
        return {row.slug: row for row in rows}

    return fragment(name, read, key=["by-slug", *key])


# model label -> names to bump when its rows change
_names_by_model = {}


def renew(name, using=None):
    """Bump `name` now, and again once the current transaction commits.

    A request on any server that rebuilds a page between the change and its
    commit reads the rows as they were, but stores them under the new version,
    where they would stay for PUBLIC_CACHE_SECONDS; the second bump drops them.
    """
    bump(name)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: bump(name), using=using, robust=True)


def bump_on_change(model, name):
    """Renew `name` whenever a `model` row is saved or deleted (e.g. by an editor)."""

    def receiver(using=None, **kwargs):
        renew(name, using)

    _names_by_model.setdefault(model._meta.label, set()).add(name)
    uid = f"caching:{model._meta.label}:{name}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")


def renew_for(model, using=None):
    """Renew every name registered for `model` (or its concrete model, for a proxy)."""
    labels = {model._meta.label, model._meta.concrete_model._meta.label}
    for name in sorted({name for label in labels for name in _names_by_model.get(label, ())}):
        renew(name, using)


class RenewingQuerySet(models.QuerySet):
    """A queryset whose bulk writes renew the cached parts that show its rows.

    `update()` and `bulk_create()` change rows without sending post_save, so
    an admin action such as "unpublish the selected briefings" would leave
    pages cached until they expire; these do what the signals do for one row.
    (`delete()` sends post_delete for every row it deletes.)

    A model may name `cache_quiet_fields`: an update of those alone renews
    nothing. A petition's count changes with every signature, and pages show
    it within PUBLIC_CACHE_SECONDS instead of being rebuilt each time.
    """

    def update(self, **kwargs):
        changed = super().update(**kwargs)
        quiet = set(getattr(self.model, "cache_quiet_fields", ()))
        if changed and not set(kwargs) <= quiet:
            renew_for(self.model, self.db)
        return changed

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            renew_for(self.model, self.db)
        return created
