"""The public endpoints (counter, JSON, widget) are cached once per path, whatever query
string a client adds, and the live counter answers 304 while it is cached."""

import pytest
from django.core.cache import cache
from django.test import Client

from campaign.lib import fragments
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 5
    # Each process's own copies (a second in production) must outlast the loop below
    # on a loaded machine: what is measured is the shared cache.
    settings.LOCAL_CACHE_SECONDS = 60
    cache.clear()
    fragments.clear_local()
    yield cache
    fragments.clear_local()


def entries():
    return len(cache._cache)


@pytest.mark.parametrize("endpoint", ["count/", "widget/", ".json"])
def test_query_strings_do_not_add_cache_entries(
    shared_cache, django_assert_num_queries, endpoint
):
    petition = make_petition()
    base = f"/petitions/{petition.slug}{'' if endpoint == '.json' else '/'}{endpoint}"
    assert Client().get(base).status_code == 200
    before = entries()
    fragments.clear_local()
    with django_assert_num_queries(0):
        for n in range(30):
            response = Client().get(f"{base}?r={n}&utm_source=x{n}")
            assert response.status_code == 200
    assert entries() == before


def test_the_live_counter_answers_304_while_it_is_cached(shared_cache):
    petition = make_petition()
    make_signature(petition)
    url = f"/petitions/{petition.slug}/count/"
    first = Client().get(url)
    assert first.status_code == 200 and first["ETag"]
    for _ in range(2):  # the second comes from the cache
        again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
        assert "max-age" in again["Cache-Control"]
    since = Client().get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert Client().get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200
