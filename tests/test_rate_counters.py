"""Rate counters: one round trip per check, exact under concurrency, on the
database and on Redis."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.lib import counters
from campaign.models import RateCounter

pytestmark = pytest.mark.django_db


def test_several_counters_move_together_in_one_statement():
    with CaptureQueriesContext(connection) as queries:
        assert counters.increment(("b", 60), ("a", 600)) == [1, 1]
    counting = [q for q in queries if "INSERT" in q["sql"].upper()]
    assert len(counting) == 1
    assert counters.increment(("b", 60), ("a", 600), ("c", 60)) == [2, 2, 1]


def test_a_hit_is_one_statement_with_no_transaction_or_savepoint_of_its_own(monkeypatch):
    monkeypatch.setattr(counters, "SWEEP_EVERY", 10**9)
    with CaptureQueriesContext(connection) as queries:
        counters.increment(("one", 60), ("two", 600))
    assert [q["sql"].split()[0].upper() for q in queries] == ["INSERT"]


def test_counters_skip_the_write_ahead_log_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s", [RateCounter._meta.db_table]
        )
        assert cursor.fetchone() == ("u",)


def test_each_counter_expires_with_its_window():
    counters.increment(("short", 60), ("long", 3600))
    expires = dict(RateCounter.objects.values_list("key", "expires_at"))
    assert timedelta(seconds=3500) < expires["long"] - expires["short"] < timedelta(seconds=3600)


def test_sweeping_deletes_only_ended_windows():
    counters.increment(("live", 60))
    RateCounter.objects.create(key="old", count=4, expires_at=timezone.now() - timedelta(seconds=1))
    assert counters.sweep() == 1
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["live"]


def test_a_counter_in_the_callers_transaction_rolls_back_with_it():
    from django.db import transaction

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        counters.increment(("inside", 60))
        raise Undo
    assert counters.increment(("inside", 60)) == [1]


@pytest.fixture
def redis_cache(settings):
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/14"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379 (the database counters are tested alone)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{time.time_ns()}",
        }
    }
    from django.core.cache import cache

    yield cache
    cache.clear()


def test_redis_counters_count_and_expire_with_their_windows(redis_cache):
    assert counters.increment(("a", 60), ("b", 3600)) == [1, 1]
    assert counters.increment(("a", 60), ("b", 3600)) == [2, 2]
    client = redis_cache._cache.get_client()
    assert 0 < client.ttl(redis_cache.make_and_validate_key("a")) <= 60
    assert 3540 < client.ttl(redis_cache.make_and_validate_key("b")) <= 3600
    assert not RateCounter.objects.exists()


def test_redis_counters_lose_no_hits_under_concurrency(redis_cache):
    from tests.test_signing_concurrency import run_in_threads

    run_in_threads(range(100), lambda _n: counters.increment(("shared", 60)))
    assert counters.increment(("shared", 60)) == [101]
