"""Pages shown when a request cannot be served.

The pages for 400, 413, 500 and 503 are rendered without the request context: they must work
when the database is down or the request could not even be read, so they touch nothing but
templates and static file names.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

# Seconds a client should wait before trying again after a 503. A PostgreSQL restart or a
# failover usually takes a few seconds.
RETRY_AFTER_SECONDS = 10


def _plain_page(template_name, status):
    context = {"SITE_NAME": settings.SITE_NAME}
    return HttpResponse(loader.render_to_string(template_name, context), status=status)


def bad_request(request, exception):
    """handler400: a request we could not read (malformed, too many fields, bad host)."""
    return _plain_page("400.html", status=400)


def service_unavailable(request):
    response = _plain_page("503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never let a cache keep the outage page after the outage.
    response["Cache-Control"] = "no-store"
    return response


def request_too_large(request):
    return _plain_page("413.html", status=413)


def server_error(request):
    """handler500: a database outage raised outside a view is still a 503, not a 500."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return _plain_page("500.html", status=500)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: explain in plain words and let the supporter try again.

    The reason is logged by Django and not shown: it means nothing to a supporter.
    """
    return render(request, "403_csrf.html", status=403)
