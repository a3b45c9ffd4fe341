"""
Caching for anonymous traffic.

Every page built on base.html carries a CSRF token (the language switcher and the
htmx header), and a page with a signing form also a time-stamp: each visitor must
get their own. Three tools:

- `cached_page(request, name, build)` keeps a whole page for every anonymous
  visitor with stand-ins where those per-visitor values go, and gives each
  visitor a copy with their own values filled in (`per_visitor`).
- `fragment(name, build)` caches an expensive part of a page (a rendered
  briefing body, a petition's totals) for everyone who sees it in the same
  language. It is rebuilt after PUBLIC_CACHE_SECONDS, or at once when
  `bump(name)` is called (`bump_on_change` does it when a model is saved).
- `@public_response` caches a whole response that is the same for everyone and
  carries no token (JSON, counters, widgets) and lets browsers and proxies keep
  it too (`Cache-Control: public`). A response that touched the session (so
  the user) or the CSRF token, or set a cookie, is never stored. The key holds
  the path, the language and whether it is an htmx request; a view whose
  output depends on anything else about the visitor must not use it.

`FixedChoicesSelect` renders a long select whose options never change (the
country list) once per worker instead of once per page view.

Both caches keep a copy in the worker's memory for at most LOCAL_CACHE_SECONDS, so the
busiest keys do not cost a round trip to the shared cache on every request.
"""

import contextvars
import copy
import hashlib
import logging
import time
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# What a cached page or response may differ by; sent as Vary on every response
# built from the cache so that no shared cache mixes them up.
VARY = ("Cookie", "Accept-Language", "HX-Request")

_LOCAL_MAX_ENTRIES = 1000
_local = {}  # key -> (expires at, value), this worker only


def _clock():
    return time.monotonic()


def _local_seconds(timeout):
    return min(settings.LOCAL_CACHE_SECONDS, timeout)


def _local_get(key):
    entry = _local.get(key)
    if entry is None:
        return None
    expires, value = entry
    if expires <= _clock():
        _local.pop(key, None)
        return None
    return value


def _local_set(key, value, seconds):
    if seconds <= 0:
        return
    if len(_local) >= _LOCAL_MAX_ENTRIES:
        _local.clear()
    _local[key] = (_clock() + seconds, value)


def clear_local():
    """Forget this worker's copies (tests, or after a deliberate purge)."""
    _local.clear()


def _digest(parts):
    # Keys of a bounded length and alphabet, whatever the path holds.
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


def _version_key(name):
    return f"version:{name}"


def bump(name):
    """Mark everything cached under `name` as stale, in every worker."""
    cache.set(_version_key(name), time.time_ns(), timeout=None)


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
    cache_key = "fragment:" + _digest(parts)
    version_key = _version_key(name)

    value = _local_get(cache_key)
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
            _local_set(cache_key, value, _local_seconds(timeout))
            return value
    # Missing, rebuilt after an editor's change, or stale and this request's turn.
    value = build()
    cache.set(cache_key, (current, value, time.time() + timeout), timeout * STALE_FACTOR)
    cache.delete(cache_key + ":rebuilding")
    _local_set(cache_key, value, _local_seconds(timeout))
    return value


def bump_on_change(model, name):
    """Bump `name` whenever a `model` row is saved or deleted (e.g. by an editor)."""

    def receiver(using=None, **kwargs):
        bump(name)
        # And again once the change is committed: a request on any server that rebuilt
        # the page in between read the rows as they were before, but stored them under the
        # new version, where they would stay for PUBLIC_CACHE_SECONDS.
        if transaction.get_connection(using).in_atomic_block:
            transaction.on_commit(lambda: bump(name), using=using, robust=True)

    uid = f"caching:{model._meta.label}:{name}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")


def _response_key(request):
    parts = [
        request.get_full_path(),
        get_language() or "",
        "htmx" if request.headers.get("HX-Request") else "page",
    ]
    return "response:" + _digest(parts)


def _storable(request, response):
    """Only a response that is provably the same for everyone may be shared."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
    )


def _public_headers(response, seconds):
    # A lifetime the view chose itself (a counter's 5 s, a QR code's day) stands.
    if "max-age" not in response.get("Cache-Control", ""):
        patch_cache_control(response, public=True, max_age=max(seconds, 0))
    patch_vary_headers(response, VARY)
    return response


def public_response(view=None, *, max_age=None):
    """
    Cache a view's GET responses for everyone, for `max_age` seconds
    (PUBLIC_CACHE_SECONDS), and tell browsers and proxies they may too.

    Only for views whose output does not depend on who asks and carries no
    CSRF token: JSON, live counters, embeddable widgets.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            seconds = settings.PUBLIC_CACHE_SECONDS if max_age is None else max_age
            if request.method not in ("GET", "HEAD") or seconds <= 0:
                response = view(request, *args, **kwargs)
                if request.method in ("GET", "HEAD") and _storable(request, response):
                    _public_headers(response, seconds)
                return response

            key = _response_key(request)
            stored = _local_get(key)
            if stored is None:
                stored = cache.get(key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if not _storable(request, response):
                    return response
                # The headers the view set (ETag, CORS, Last-Modified) go with it.
                stored = (response.content, list(response.items()))
                cache.set(key, stored, seconds)
            _local_set(key, stored, _local_seconds(seconds))
            content, headers = stored
            response = HttpResponse(content)
            for header, value in headers:
                response[header] = value
            return _public_headers(response, seconds)

        return wrapped

    return decorator(view) if view is not None else decorator


# Whole pages with holes ----------------------------------------------------------

_building_shared_page = contextvars.ContextVar("building_shared_page", default=False)
HOLE_PREFIX = "shared-page-hole-"
# name -> function(request) giving a visitor's own value; the CSRF token is built in.
_fillers = {"csrf": get_token}


def hole(name):
    """The stand-in a shared page holds where a visitor's own value goes."""
    return f"{HOLE_PREFIX}{name}"


def register_hole(name, compute):
    """Declare a per-visitor value, `compute(request)`, that shared pages may hold.
    Called at import time, so that every worker can fill pages built by another."""
    _fillers[name] = compute


def per_visitor(name, request=None):
    """This visitor's value of the registered hole `name`; its stand-in while a
    shared page is being built."""
    if _building_shared_page.get():
        return hole(name)
    return _fillers[name](request)


def page_is_shared(request, query_ok=False):
    """Whether `request` may get a page shared by all visitors: an anonymous GET
    with no cookie but the CSRF and language ones (a session or a pending
    message would make the page personal), not from htmx, and with no query
    string unless the view has checked it (`query_ok`)."""
    shareable_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        request.method in ("GET", "HEAD")
        and not request.headers.get("HX-Request")
        and set(request.COOKIES) <= shareable_cookies
        and (query_ok or not request.GET)
    )


def cached_page(request, name, build, *, key=()):
    """
    A page that is the same for every anonymous visitor but for its holes.

    `build(extra_context)` renders the page with `extra_context` added to its
    context (it puts the CSRF token's stand-in there); while it runs,
    `per_visitor` gives stand-ins too. The result is kept like a `fragment`
    (per path, language and `key`; `bump(name)` renews it) and each visitor
    gets a copy with their own values in the holes. Call it only when
    `page_is_shared(request)`.
    """

    def render_shared():
        token = _building_shared_page.set(True)
        try:
            response = build({"csrf_token": hole("csrf")})
        finally:
            _building_shared_page.reset(token)
        return response.content.decode()

    html = fragment(name, render_shared, key=[request.get_full_path(), *key])
    for hole_name, compute in _fillers.items():
        stand_in = hole(hole_name)
        if stand_in in html:
            html = html.replace(stand_in, compute(request))
    if HOLE_PREFIX in html:
        # A hole no filler knows: never send a page with a stand-in in a form.
        logger.error("Unfilled hole in the shared page %s; rendered for this visitor", name)
        return build({})
    return HttpResponse(html)


class FixedChoiceField(forms.ChoiceField):
    """
    A choice field for choices fixed in code: each form instance shares the
    declared list instead of deep-copying it (~250 countries, with lazy
    names, on every form), and the list is normalised once, not per use.
    """

    def __deepcopy__(self, memo):
        # Field's copy (widget, messages, validators) without ChoiceField's
        # deep copy of the choices, which nothing changes.
        return forms.Field.__deepcopy__(self, memo)


class FixedChoicesSelect(forms.Select):
    """
    A select for choices fixed in code, such as the country list: each
    rendering (name, value, attributes, language) is kept by the worker.

    Django renders every option through a template; for ~250 countries that
    was most of the time spent on the petition page. Deep copies (one per form
    instance) share the declared widget's store, so it fills once per worker.
    Not for choices that change at run time.
    """

    MAX_RENDERINGS = 2000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._renderings = {}

    def __deepcopy__(self, memo):
        # Select's copy without normalising the ~250 choices again (its
        # choices setter does) for every form instance: they never change.
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            name,
            repr(value),
            repr(sorted(self.build_attrs(self.attrs, attrs).items())),
            get_language(),
            renderer.__class__.__name__ if renderer else "",
        )
        html = self._renderings.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(self._renderings) >= self.MAX_RENDERINGS:
                self._renderings.clear()
            self._renderings[key] = html
        return html


class DatabaseCache(DjangoDatabaseCache):
    """
    The database cache (used without REDIS_URL), writing without waiting for
    the disk on PostgreSQL.

    Each cache write commits on its own, and on PostgreSQL a commit waits for
    its WAL flush; a cache may lose its last writes in a crash, so these
    commits do not wait (`synchronous_commit = off`, for these transactions
    only). Signatures and mail rows keep full durability. (Rate limits are
    not cache writes: see campaign.counters.)
    """

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            # Inside the caller's transaction the caller's commit decides.
            return super()._base_set(mode, key, value, timeout)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            return super()._base_set(mode, key, value, timeout)
