"""Admin sign-in throttling: lock out a username or an address after repeated failures.

Counters live in the shared cache, so every worker process sees the same numbers.
A lockout is checked before the password, so a guesser learns nothing from
trying more passwords once locked out.
"""

import hashlib

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaign.lib.clients import client_ip

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


def _key(kind, value):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"admin-login-failures:{kind}:{digest}"


def _keys(username, ip):
    keys = []
    if username:
        keys.append(_key("user", username))
    if ip:
        keys.append(_key("ip", ip))
    return keys


def is_locked_out(username, ip):
    return any((cache.get(key) or 0) >= MAX_FAILURES for key in _keys(username, ip))


def record_failure(username, ip):
    for key in _keys(username, ip):
        cache.add(key, 0, LOCKOUT_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, LOCKOUT_SECONDS)
        # Each further failure restarts the window, so the lockout lasts the
        # full period after the last attempt.
        cache.touch(key, LOCKOUT_SECONDS)


def clear_failures(username):
    """A successful sign-in clears the username's count (not the address's)."""
    if username:
        cache.delete(_key("user", username))


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """The admin sign-in form, refusing further attempts after repeated failures."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked_out": _(
            "Too many failed sign-in attempts for this account or from this network. "
            "Signing in is paused for %(minutes)s minutes; please try again later."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request else ""
        if is_locked_out(username, ip):
            raise ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": LOCKOUT_SECONDS // 60},
            )
        try:
            cleaned_data = super().clean()
        except ValidationError:
            record_failure(username, ip)
            raise
        clear_failures(username)
        return cleaned_data
