"""
`@public_response` caches a whole response that is the same for everyone and
carries no token (JSON, counters, widgets) and lets browsers and proxies keep
it too (`Cache-Control: public`). A response that touched the session (so
the user) or the CSRF token, or set a cookie, is never stored. The key holds
the path, the language and whether it is an htmx request, never the query
string (anyone could add a random one to every request, and each would be a
new entry); a view whose output depends on anything else about the request
must not use it. A client whose copy is current gets 304 from the cache too,
as the view's own ETag or Last-Modified would have given it.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

from campaign.lib.fragments import digest, local_get, local_seconds, local_set
from campaign.lib.links import site_url

# What a cached page or response may differ by; sent as Vary on every response
# built from the cache so that no shared cache mixes them up.
VARY = ("Cookie", "Accept-Language", "HX-Request")


def _response_key(request):
    parts = [
        # Absolute links in it start with the site's address, the request's in development.
        site_url(request),
        request.path,
        get_language() or "",
        "htmx" if request.headers.get("HX-Request") else "page",
    ]
    return "response:" + digest(parts)


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


def _conditional(request, response):
    """304 Not Modified when the client already holds this response."""
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


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
            stored = local_get(key)
            if stored is None:
                stored = cache.get(key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if not _storable(request, response):
                    return response
                # The headers the view set (ETag, CORS, Last-Modified) go with it.
                stored = (response.content, list(response.items()))
                cache.set(key, stored, seconds)
            local_set(key, stored, local_seconds(seconds))
            content, headers = stored
            response = HttpResponse(content)
            for header, value in headers:
                response[header] = value
            return _conditional(request, _public_headers(response, seconds))

        return wrapped

    return decorator(view) if view is not None else decorator
