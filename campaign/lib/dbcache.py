"""The database cache (used without REDIS_URL)."""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    """
    The database cache (used without REDIS_URL), writing without waiting for
    the disk on PostgreSQL.

    Each cache write commits on its own, and on PostgreSQL a commit waits for
    its WAL flush; a cache may lose its last writes in a crash, so these
    commits do not wait (`synchronous_commit = off`, for these transactions
    only). Signatures and mail rows keep full durability. (Rate limits are
    not cache writes: see campaign.lib.counters.)

    `incr` is atomic: Django's reads the number and writes it back without a
    lock, so two increments at once could both write the same value (django-axes
    counts admin sign-in attempts with it, campaign.lib.signin).
    """

    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):
            if connection.vendor == "postgresql":
                # Lock the row until the new value is written. (SQLite needs no
                # lock: its transactions here take the write lock when they begin,
                # transaction_mode IMMEDIATE in settings.)
                table = connection.ops.quote_name(self._table)
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT 1 FROM {table} WHERE cache_key = %s FOR UPDATE",  # noqa: S608
                        [self.make_and_validate_key(key, version=version)],
                    )
            return super().incr(key, delta, version)

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            # Inside the caller's transaction the caller's commit decides.
            return super()._base_set(mode, key, value, timeout)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            return super()._base_set(mode, key, value, timeout)
