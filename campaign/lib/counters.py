"""Fixed-window counters shared by every process, for the rate limits.

    counts = increment(("rl:burst:<ip>:<window number>", 60), ...)

adds one to each counter and returns their new values, in one round trip:
with Redis as the cache (REDIS_URL) a MULTI/EXEC of SET NX EX and INCR per
key; otherwise one INSERT ... ON CONFLICT DO UPDATE ... RETURNING on the
RateCounter table, which PostgreSQL and SQLite both run atomically, so
parallel requests in any number of processes neither lose nor double a hit.
On PostgreSQL the table is UNLOGGED (migration 0008): its writes skip the
write-ahead log, so a statement that writes only counters commits without
waiting for the disk, in one round trip. A crash empties the table, which
costs nothing but a fresh window.

A key names its window (the caller puts the window's number in it), so a
counter never needs resetting: it expires with its window and expired rows
are deleted now and then by `increment` itself.
"""

import random
from datetime import timedelta

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connections, models, router
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# About one call in this many also deletes the expired database counters.
SWEEP_EVERY = 500


class RateCounter(models.Model):
    """One fixed-window counter (see `increment`). The key names its
    window, so a row is never reused once `expires_at` has passed; expired rows
    are deleted now and then by the counters themselves."""

    key = models.CharField(_("key"), max_length=200, primary_key=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return f"{self.key}: {self.count}"


def increment(*counters):
    """Add one to each (key, window seconds) counter; returns the new counts in order."""
    if not counters:
        return []
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return _increment_redis(cache, counters)
    return _increment_database(counters)


def _increment_redis(cache, counters):
    keys = [cache.make_and_validate_key(key) for key, _window in counters]
    client = cache._cache.get_client(keys[0], write=True)
    with client.pipeline(transaction=True) as pipe:
        for key, (_name, window) in zip(keys, counters, strict=True):
            pipe.set(key, 0, ex=int(window), nx=True)
            pipe.incr(key)
        replies = pipe.execute()
    return [int(count) for count in replies[1::2]]


def _increment_database(counters):
    db = router.db_for_write(RateCounter)
    connection = connections[db]
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    key, count, expires = (
        connection.ops.quote_name(RateCounter._meta.get_field(name).column)
        for name in ("key", "count", "expires_at")
    )
    now = timezone.now()
    # Several keys in one statement lock their rows in this order: sorted, so
    # two statements can never wait for each other.
    windows = dict(sorted(counters))
    rows = ", ".join(["(%s, 1, %s)"] * len(windows))
    params = []
    for name, window in windows.items():
        params += [name, connection.ops.adapt_datetimefield_value(now + timedelta(seconds=window))]
    sql = (
        f"INSERT INTO {table} ({key}, {count}, {expires}) VALUES {rows} "  # noqa: S608
        f"ON CONFLICT ({key}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"RETURNING {key}, {count}"
    )
    # One statement is atomic by itself: in autocommit it is its own
    # transaction, and inside a caller's it needs no savepoint of its own.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = dict(cursor.fetchall())
    if random.randrange(SWEEP_EVERY) == 0:  # noqa: S311 (not a secret)
        sweep(using=db)
    return [counts[name] for name, _window in counters]


def sweep(using=None):
    """Delete the counters whose windows have ended; returns how many."""
    deleted, _ = RateCounter.objects.using(using).filter(expires_at__lte=timezone.now()).delete()
    return deleted
