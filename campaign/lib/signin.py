"""Admin sign-in throttling with django-axes.

axes locks a (username, address) pair after AXES_FAILURE_LIMIT failed attempts
for AXES_COOLOFF_TIME (settings: 5 and 15 minutes). A pair, not a username:
guesses from other addresses cannot lock the real admin out. Counts live in
the shared cache (Redis, or the database cache), so every worker and server
sees the same numbers.

axes itself counts a failure once its password check has failed, so a burst of
simultaneous guesses all pass the check before any is counted. The handler
here counts each attempt when it begins, atomically (the cache's add and incr:
atomic in Redis and in campaign.lib.dbcache), before the password is checked,
and refuses once the pair's count passes the limit; a success clears the pair.

A refused attempt shows the sign-in page again with a plain message
(`AdminLoginForm`), as a wrong password does, not axes' own lockout page.
"""

import logging

from axes.backends import AxesStandaloneBackend
from axes.handlers.cache import AxesCacheHandler
from axes.helpers import (
    get_cache_timeout,
    get_client_cache_keys,
    get_client_username,
    get_failure_limit,
)
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def username(request, credentials):
    """The username an attempt names (AXES_USERNAME_CALLABLE): one pair however
    it is spaced or capitalised."""
    if credentials:
        value = credentials.get("username")
    else:
        value = request.POST.get("username") if request is not None else None
    return (value or "").strip().lower()


class CountingCacheHandler(AxesCacheHandler):
    """axes' cache handler, counting an attempt when it begins (AXES_HANDLER)."""

    def is_allowed(self, request, credentials=None):
        # axes' backend asks this before any password is checked.
        if credentials is None:
            return super().is_allowed(request, credentials)
        if self.is_blacklisted(request, credentials):
            return False
        if self.is_whitelisted(request, credentials):
            return True
        attempts = self._count_attempt(request, credentials)
        request.axes_failures_since_start = attempts
        if attempts > get_failure_limit(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            return False
        return True

    def _count_attempt(self, request, credentials):
        timeout = get_cache_timeout(request)
        counts = []
        for key in get_client_cache_keys(request, credentials):
            if self.cache.add(key, 1, timeout):
                counts.append(1)
                continue
            try:
                counts.append(self.cache.incr(key))
            except ValueError:  # expired between add and incr
                self.cache.add(key, 1, timeout)
                counts.append(1)
            # The lock lasts the whole cool-off after the latest attempt.
            self.cache.touch(key, timeout)
        return max(counts, default=0)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # Counted when it began; only tell the log, and axes' signal of a lockout.
        if request is None:
            return
        name = get_client_username(request, credentials)
        if getattr(request, "axes_locked_out", False):
            logger.warning("Admin sign-in refused: %r is locked out from this address", name)
            user_locked_out.send(
                "axes", request=request, username=name, ip_address=request.axes_ip_address
            )
        else:
            logger.warning("Failed admin sign-in for %r (attempt %s)", name,
                           request.axes_failures_since_start)


class SignInBackend(AxesStandaloneBackend):
    """axes' backend (first in AUTHENTICATION_BACKENDS), for sign-ins from the web only.

    A password checked without a request (a test client's `login()`, a script)
    is no attempt from outside, and axes would refuse it outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def cool_off_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: the sign-in page as the form left it, with its message."""
    return original_response


class AdminLoginForm(AdminAuthenticationForm):
    """The admin sign-in form, saying in plain words when a pair is locked out."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked_out": _(
            "Too many failed sign-in attempts for this account or from this network. "
            "Signing in is paused for %(minutes)s minutes; please try again later."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(
                    self.error_messages["locked_out"],
                    code="locked_out",
                    params={"minutes": cool_off_minutes()},
                ) from None
            raise
