"""Moderators' multi-step actions, shared by the admin and the tests.

Invalidating and restoring signatures go through campaign.petition.signatures,
which keeps the petition's count exact; this module adds comment moderation
and burst detection. Campaign updates are mailed by campaign.moderation.updates.
"""

from datetime import timedelta

from django.db.models import Count, Value
from django.db.models.functions import StrIndex, Substr
from django.utils import timezone

from campaign.petition.models import Signature

# Comments ----------------------------------------------------------------------


def set_comment_state(queryset, state):
    """Approve or reject the comments of the given signatures; return those changed.

    Signatures without a comment are left alone: there is nothing to moderate.
    """
    changed = list(queryset.exclude(comment="").exclude(comment_state=state))
    Signature.objects.filter(pk__in=[s.pk for s in changed]).update(
        comment_state=state, updated_at=timezone.now()
    )
    return changed


# Bursts ------------------------------------------------------------------------

TRENDING_WINDOWS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}
TRENDING_THRESHOLD = {"hour": 10, "day": 50}


def _email_domain():
    return Substr("normalised_email", StrIndex("normalised_email", Value("@")) + 1)


def trending(window="hour", threshold=None, limit=20, now=None):
    """Hashed IPs and email domains with many signatures in the last hour or day.

    Returns {"since", "threshold", "ips": [(ip_hash, count)], "domains": [(domain, count)]}.
    Large free-mail domains will always appear here; the point is to see a
    sudden burst from one address or an unusual domain.
    """
    now = now or timezone.now()
    since = now - TRENDING_WINDOWS[window]
    threshold = threshold or TRENDING_THRESHOLD[window]
    recent = Signature.objects.filter(created_at__gte=since).order_by()
    ips = (
        recent.exclude(ip_hash="")
        .values("ip_hash")
        .annotate(count=Count("id"))
        .filter(count__gte=threshold)
        .order_by("-count", "ip_hash")[:limit]
    )
    domains = (
        recent.annotate(domain=_email_domain())
        .values("domain")
        .annotate(count=Count("id"))
        .filter(count__gte=threshold)
        .order_by("-count", "domain")[:limit]
    )
    return {
        "since": since,
        "threshold": threshold,
        "ips": [(row["ip_hash"], row["count"]) for row in ips],
        "domains": [(row["domain"], row["count"]) for row in domains],
    }
