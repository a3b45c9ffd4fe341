import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok():
    # A key of its own per check, so two app servers polled at once never read
    # each other's value.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


@never_cache
def healthz(request):
    """For load balancers: 200 when the database and the cache answer, else 503."""
    status = {}
    for part, check in (("database", _database_ok), ("cache", _cache_ok)):
        try:
            status[part] = "ok" if check() else "failed"
        except Exception:
            logger.exception("Health check: the %s is not answering", part)
            status[part] = "failed"
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)
