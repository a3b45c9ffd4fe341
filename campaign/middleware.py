"""Middleware that keeps the site safe and answering when things go wrong."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.middleware.gzip import GZipMiddleware

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


class TextCompressionMiddleware(GZipMiddleware):
    """Send pages and other text gzip-compressed to browsers that accept it.

    A page shrinks to about a quarter. Pages kept for everyone arrive compressed
    already (campaign.lib.pages, at almost no cost per request), and this
    compresses the rest: pages rendered for one visitor, the sitemap, JSON.
    Django's GZipMiddleware masks the length of what it compresses (random bytes
    in the gzip header), and the CSRF token in every page is masked anew for
    each request, so compressing pages that carry the token is safe from BREACH.
    Only text is compressed: images (share cards) are compressed already, and
    static files never get here: WhiteNoise, before this middleware, serves them
    precompressed (Brotli and gzip).
    """

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
        return super().process_response(request, response)


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
