"""Defences against fake and automated signatures.

Most checks do not refuse: a signature that trips the honeypot, the fill-time
check or the rate limits is kept, flagged for a moderator and left out of the
count until validated. The signer sees the same page as everyone, so a bot
learns nothing, and people behind one shared address (a school, an office, a
street stall with one phone) lose nothing. Only floods far beyond that get a
plain 429.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.middleware.csrf import get_token
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from campaign.lib import counters, pages
from campaign.lib.clients import hit
from campaign.petition.rules import domain_and_parents

FORM_STARTED_SALT = "campaign.petition.form-started"


def _window_key(name, ident, window):
    return f"rl:{name}:{ident}:{int(time.time() // window)}"


def signing_rate(ip_hash):
    """Record one signing attempt from an address.

    Returns (refuse, flag_reason): refuse is True beyond the hard limit;
    flag_reason says which softer limit was passed, or is "".
    """
    limits = settings.SIGNING_RATE_LIMITS
    counts = counters.increment(
        *((_window_key(name, ip_hash, window), window) for name, (_, window) in limits.items())
    )
    results = {
        name: count > limit
        for (name, (limit, _)), count in zip(limits.items(), counts, strict=True)
    }
    if results.get("hard"):
        return True, "rate: hard limit"
    if results.get("burst"):
        return False, "rate: burst"
    if results.get("sustained"):
        return False, "rate: sustained"
    return False, ""


def mail_allowed(normalised_email, petition_id):
    """Whether another notice may go to this address now (stops mail bombing
    someone by submitting their address again and again)."""
    limit, window = settings.SIGNING_MAIL_LIMIT
    key = _window_key(
        "mail", hashlib.sha256(f"{petition_id}:{normalised_email}".encode()).hexdigest(), window
    )
    return hit(key, window) <= limit


# Form timing -----------------------------------------------------------------


def _visitor_tag(csrf_secret):
    # A digest of the visitor's CSRF cookie, so that a time-stamp works for the
    # visitor it was made for only (the cookie itself stays out of the page).
    return salted_hmac(FORM_STARTED_SALT, csrf_secret or "").hexdigest()[:16]


def form_started_token(request, now=None):
    """A signed note of when the form was shown, and to whom, put in a hidden field.

    Bound to the visitor's CSRF cookie (given one now if they have none, as the
    page's form token does), it cannot be copied from one page and replayed by
    everyone, and it expires after SIGNING_FORM_MAX_SECONDS.
    """
    get_token(request)
    started = int(now if now is not None else time.time())
    return signing.dumps([started, _visitor_tag(request.META.get("CSRF_COOKIE"))],
                         salt=FORM_STARTED_SALT)


# A page shared by every visitor holds a stand-in for the time-stamp, and each
# visitor's copy gets the time it was served (campaign.lib.pages.cached_page).
pages.register_hole("form-started", form_started_token)


def fill_time_problem(token, request, now=None):
    """Why a form's time-stamp looks automated, copied or stale, or "" if it looks human.

    `request` is the form's submission: its CSRF cookie must be the one the
    time-stamp was made for."""
    now = now if now is not None else time.time()
    try:
        started = signing.loads(token or "", salt=FORM_STARTED_SALT)
    except signing.BadSignature:
        return "fill time: missing or tampered"
    if not (
        isinstance(started, list)
        and len(started) == 2
        and isinstance(started[0], int)
        and isinstance(started[1], str)
    ):
        return "fill time: missing or tampered"
    shown_at, tag = started
    if not constant_time_compare(tag, _visitor_tag(request.META.get("CSRF_COOKIE"))):
        return "fill time: not this visitor's"
    if now - shown_at > settings.SIGNING_FORM_MAX_SECONDS:
        return "fill time: expired"
    if now - shown_at < settings.SIGNING_MIN_FILL_SECONDS:
        return "fill time: too fast"
    return ""


# Email domains ----------------------------------------------------------------

_disposable = None


def is_disposable(domain):
    """Whether an address at this domain (or a subdomain of one) is a throwaway."""
    global _disposable
    if _disposable is None:
        from disposable_email_domains import blocklist

        _disposable = blocklist
    return any(candidate in _disposable for candidate in domain_and_parents(domain))


REFUSED_NAME_MESSAGES = {
    "url": _("Please write your name without web addresses."),
    "formula": _("Please start your name with a letter."),
}
