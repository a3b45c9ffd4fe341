"""Middleware that keeps the site safe and answering when things go wrong."""

import logging

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from campaign.lib import compression, links
from campaign.site import errors

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Tell browsers this site never uses the camera, microphone, location and the like.

    Nothing on the site needs them, so a script that slipped in could not ask for them either.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class PrivateTokenPagesMiddleware:
    """Mark a response that holds the visitor's CSRF token `Cache-Control: private`.

    A page with a form carries a token of its visitor's own (and sets their cookie);
    no shared cache, a proxy or a CDN, may keep it for someone else. Django notes in
    the request when a response used the token.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            patch_cache_control(response, private=True)
        return response


class TextCompressionMiddleware(GZipMiddleware):
    """Send pages and other text gzip-compressed to browsers that accept it.

    A page shrinks to about a quarter. Pages kept for everyone arrive compressed
    already (campaign.lib.pages, at almost no cost per request), and this
    compresses the rest: pages rendered for one visitor (a large one with the parts
    kept for everyone compressed once, below), the sitemap, JSON.
    Django's GZipMiddleware masks the length of what it compresses (random bytes
    in the gzip header), and the CSRF token in every page is masked anew for
    each request, so compressing pages that carry the token is safe from BREACH.
    Only text is compressed: images (share cards) are compressed already, and
    static files never get here: WhiteNoise, before this middleware, serves them
    precompressed (Brotli and gzip).
    """

    # A page rendered for one visitor is compressed with its kept parts compressed
    # once (campaign.lib.compression.gzip_with_kept_parts) when it is this large:
    # a petition page with its map and table (60 KB) then costs about 0.3 ms to
    # compress instead of 2.5, for 3% more bytes. Smaller pages cost 0.2 ms compressed whole,
    # and a fifth more bytes compressed in parts.
    KEPT_PARTS_MIN_BYTES = 32 * 1024

    TYPES = {
        "text/html",
        "text/plain",
        "text/css",
        "text/csv",
        "application/json",
        "application/xml",
        "image/svg+xml",
    }

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in self.TYPES:
            return response
        kept = getattr(request, "kept_parts", None)
        if kept and self._compressible(request, response):
            # A large page rendered for one visitor from parts kept for everyone
            # (campaign/templatetags/public_cache.py): their text compressed once.
            text = response.content.decode(response.charset)
            compressed = compression.gzip_with_kept_parts(text, kept, self.max_random_bytes)
            if compressed is not None and len(compressed) < len(response.content):
                patch_vary_headers(response, ("Accept-Encoding",))
                response.content = compressed
                response.headers["Content-Length"] = str(len(compressed))
                etag = response.get("ETag")
                if etag and etag.startswith('"'):
                    response.headers["ETag"] = "W/" + etag
                response.headers["Content-Encoding"] = "gzip"
                return response
        return super().process_response(request, response)

    def _compressible(self, request, response):
        # What GZipMiddleware checks before compressing a response whole, and the size.
        return (
            not response.streaming
            and response.charset.lower().replace("-", "") == "utf8"
            and len(response.content) >= self.KEPT_PARTS_MIN_BYTES
            and not response.has_header("Content-Encoding")
            and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        )


class RequestBodyLimitMiddleware:
    """Refuse a request body larger than DATA_UPLOAD_MAX_MEMORY_SIZE before reading it.

    Django itself only counts the non-file part of a body, so a large multipart upload would be
    written to a temporary file first. No public form takes files, so the declared length is
    enough to turn such requests away with a 413 and a page that says why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not (declared.isascii() and declared.isdigit()):
            # Django would fail with a 500 when reading such a body.
            return errors.bad_request(request, None)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and int(declared) > limit:
            return errors.request_too_large(request)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answer 503 with a retry hint when the database cannot be reached.

    A restart or failover of PostgreSQL makes every query fail for a few seconds. Supporters
    then see a calm "try again in a moment" page instead of a server error, and nothing was
    saved, so trying again is safe. The next request opens a fresh connection (Django checks
    persistent connections before reuse: CONN_HEALTH_CHECKS).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable for %s %s: %s", request.method, request.path,
                           exception)
            return errors.service_unavailable(request)
        return None


class LanguageMiddleware(LocaleMiddleware):
    """Which language a request is answered in.

    Pages have an address per language: English without a prefix, Korean under /ko/, so
    search engines and link previews see both. A page's address decides its language. A
    visitor who prefers Korean (the language cookie set by the switch, else the browser's
    Accept-Language) and opens an English address of a page is sent to its Korean one.
    Addresses that are the same in every language (the admin, the health check, the language
    switch) follow the cookie and Accept-Language, as Django's own middleware would without
    prefixes. Stands in for django.middleware.locale.LocaleMiddleware.
    """

    def process_request(self, request):
        path = request.path_info
        from_path = translation.get_language_from_path(path)
        page = from_path is None and links.is_page_path(path)
        if from_path:
            language = from_path
        elif page:
            language = settings.LANGUAGE_CODE
        else:
            language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        if page and self._wants_other_language(request):
            return self._redirect_to_preferred(request)
        return None

    def _wants_other_language(self, request):
        # Only a browser opening a page: a form sent from an English page is answered in
        # English, and data, counters and htmx requests answer where they were asked.
        return (
            request.method in ("GET", "HEAD")
            and not request.headers.get("HX-Request")
            and "text/html" in request.headers.get("Accept", "")
            and translation.get_language_from_request(request, check_path=False)
            != settings.LANGUAGE_CODE
        )

    def _redirect_to_preferred(self, request):
        preferred = translation.get_language_from_request(request, check_path=False)
        target = links.path_in(request.path_info, preferred)
        if target is None:
            return None
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(target + (f"?{query}" if query else ""))
        # The same address redirects or not depending on these.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site-wide policy built once per process.

    django-csp builds the header afresh for every response (the policy and the
    report-only one, from the settings), about a tenth of a millisecond each time. A
    response that changes the policy (`frameable`), or a request that used a nonce,
    still gets it built by django-csp itself.
    """

    OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
                 "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro")

    def __init__(self, get_response):
        super().__init__(get_response)
        self.header = build_policy()
        # A report-only policy (none here) or excluded paths take django-csp's own way.
        self.simple = not build_policy(report_only=True) and not (
            getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        ).get("EXCLUDE_URL_PREFIXES")

    def process_response(self, request, response):
        if (
            not self.simple
            or settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in self.OVERRIDES)
        ):
            return super().process_response(request, response)
        if self.header and HEADER not in response:
            response[HEADER] = self.header
        # As django-csp does: a nonce asked for after this point is an error, not a
        # nonce missing from the header.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
