"""
Whole pages kept for every anonymous visitor, with holes for what is each
visitor's own.

Every page built on base.html carries a CSRF token (the language switcher and
the htmx header), and a page with a signing form also a time-stamp: each
visitor must get their own. `cached_page(request, name, build)` keeps a whole
page with stand-ins where those per-visitor values go, and gives each visitor
a copy with their own values filled in (`per_visitor`, `register_hole`).

The stand-ins are filled by search and replace over the page, so nothing a
visitor writes (a name, a comment) may ever hold one: each starts with "<",
which escaped content cannot contain (it becomes "&lt;"), and carries a secret
derived from SECRET_KEY, so it cannot be guessed either.
"""

import contextlib
import contextvars
import logging
import re
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe

from campaign.lib.compression import gzip_with_holes
from campaign.lib.fragments import fragment
from campaign.lib.links import site_url

logger = logging.getLogger(__name__)

_building_shared_page = contextvars.ContextVar("building_shared_page", default=False)
# name -> function(request) giving a visitor's own value; the CSRF token is built in.
_fillers = {"csrf": get_token}


def marker():
    """This deployment's secret part of every stand-in."""
    return _marker(settings.SECRET_KEY)


@lru_cache(maxsize=4)
def _marker(secret):
    # Looked up on every page built from kept parts: derived once per key.
    return salted_hmac("campaign.lib.pages.hole", "stand-in", secret=secret).hexdigest()[:24]


def hole(name):
    """The stand-in a shared page holds where a visitor's own value goes: marked
    safe, so templates put it in as it is, while the same characters typed by a
    visitor are escaped and so never match."""
    return mark_safe(f"<!--{marker()}:{name}-->")


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


def building_shared():
    """Whether a part shared by visitors is being built: its per-visitor values
    must stay stand-ins, which whoever keeps the outermost part fills."""
    return _building_shared_page.get()


@contextlib.contextmanager
def building_shared_part():
    """While it lasts, `per_visitor` gives stand-ins (the CSRF token's stand-in is
    for the caller to put in the template's context: `hole("csrf")`)."""
    token = _building_shared_page.set(True)
    try:
        yield
    finally:
        _building_shared_page.reset(token)


def fill_holes(html, request, known=None):
    """`html`, built with stand-ins, with this visitor's own values in the holes, and
    {stand-in: value} of those filled; or (None, {}) when a stand-in is left that
    no filler knows (or one a template escaped), which must never be sent.
    `known` holds values of this visitor's already made: {"csrf": token}."""
    values = {}
    if marker() not in html:
        return html, values
    known = known or {}
    for hole_name, compute in _fillers.items():
        stand_in = hole(hole_name)
        if stand_in in html:
            value = str(known.get(hole_name) or "")
            values[stand_in] = value if value and marker() not in value else compute(request)
    filled = html
    for stand_in, value in values.items():
        filled = filled.replace(stand_in, value)
    if marker() in filled:
        return None, {}
    return filled, values


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
    (per path, language and `key`, and the site's address, which differs by host in
    development; `bump(name)` renews it) and each visitor
    gets a copy with their own values in the holes. Call it only when
    `page_is_shared(request)`.
    """

    def render_shared():
        with building_shared_part():
            response = build({"csrf_token": hole("csrf")})
        return response.content.decode()

    # The path holds the language (/ko/...); the fragment adds the active one too.
    html = fragment(name, render_shared, key=[site_url(request), request.get_full_path(), *key])
    filled, values = fill_holes(html, request)
    if filled is None:
        # A hole no filler knows, or one a template escaped: never send a page with
        # a stand-in in a form.
        logger.error("Unfilled hole in the shared page %s; rendered for this visitor", name)
        return build({})
    if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        # Compressed here, the kept part once (campaign.lib.compression), rather than
        # whole for every visitor by the middleware.
        response = HttpResponse(gzip_with_holes(html, values))
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
        return response
    return HttpResponse(filled)


_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
