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


def form_started_token(now=None):
    """A signed note of when the form was shown, put in a hidden field."""
    return signing.dumps(int(now if now is not None else time.time()), salt=FORM_STARTED_SALT)


# A page shared by every visitor holds a stand-in for the time-stamp, and each
# visitor's copy gets the time it was served (campaign.lib.pages.cached_page).
pages.register_hole("form-started", lambda request: form_started_token())


def fill_time_problem(token, now=None):
    """Why a form's timing looks automated, or "" if it looks human."""
    now = now if now is not None else time.time()
    try:
        started = signing.loads(token or "", salt=FORM_STARTED_SALT)
    except signing.BadSignature:
        return "fill time: missing or tampered"
    if not isinstance(started, int):
        return "fill time: missing or tampered"
    if now - started < settings.SIGNING_MIN_FILL_SECONDS:
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
