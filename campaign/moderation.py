"""Moderators' and editors' multi-step actions, shared by the admin, tasks and tests.

Invalidating and restoring signatures go through campaign.signing, which keeps
the petition's count exact; this module adds comment moderation, burst
detection, and the mailing of campaign updates.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Sum, Value
from django.db.models.functions import StrIndex, Substr
from django.urls import reverse
from django.utils import timezone, translation

from campaign.models import Signature, UpdateMailing

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


# Paper and partner tallies -----------------------------------------------------


def offline_total(petition):
    """Signatures gathered on paper and by partners, kept apart from the online count."""
    return petition.paper_tallies.aggregate(total=Sum("count"))["total"] or 0


# Campaign updates --------------------------------------------------------------

UNSUBSCRIBE_SALT = "campaign.updates.unsubscribe"
BATCH_SIZE = 500


def update_recipients(petition):
    """Confirmed, counted signers of the petition who asked for updates."""
    return petition.signatures.counted().filter(wants_updates=True)


def unsubscribe_token(signature):
    return signing.dumps(signature.pk, salt=UNSUBSCRIBE_SALT)


def signature_for_unsubscribe_token(token):
    """The signature a token was made for, or None for a bad or unknown token."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Signature.objects.filter(pk=pk).first()


def unsubscribe(signature):
    """Stop campaign updates to this person, on every petition they signed."""
    return Signature.objects.filter(normalised_email=signature.normalised_email).update(
        wants_updates=False, updated_at=timezone.now()
    )


def start_update_mailing(entry, user):
    """Record that an update is being mailed and hand the mailing to a task.

    Returns the mailing, or None when the update was already sent: the
    one-to-one row makes sending twice impossible, even from two clicks at once.
    """
    from campaign.tasks import mail_campaign_update

    with transaction.atomic():
        mailing, created = UpdateMailing.objects.get_or_create(
            entry=entry, defaults={"sent_by": user}
        )
        if not created:
            return None
        transaction.on_commit(lambda: mail_campaign_update.enqueue(mailing.pk), robust=True)
    return mailing


def mail_update_batch(mailing_id):
    """Queue the update for the next batch of subscribers; return how many were queued.

    Progress is saved with the batch in one transaction, so a task that dies
    and runs again carries on where it stopped and nobody gets the update twice.
    """
    from campaign.mail import queue_mail

    with transaction.atomic():
        mailing = (
            UpdateMailing.objects.select_for_update().select_related("entry").get(pk=mailing_id)
        )
        entry = mailing.entry
        batch = list(
            update_recipients(entry.petition)
            .filter(pk__gt=mailing.last_signature_id)
            .order_by("pk")[:BATCH_SIZE]
        )
        for signature in batch:
            path = reverse("updates_unsubscribe", kwargs={"token": unsubscribe_token(signature)})
            with translation.override(signature.language or settings.LANGUAGE_CODE):
                queue_mail(
                    "campaign-update",
                    signature.email,
                    {
                        "entry": entry,
                        "petition": entry.petition,
                        "signature": signature,
                        "unsubscribe_url": settings.SITE_URL + path,
                    },
                )
        if batch:
            UpdateMailing.objects.filter(pk=mailing.pk).update(
                last_signature_id=batch[-1].pk, recipients=F("recipients") + len(batch)
            )
        else:
            UpdateMailing.objects.filter(pk=mailing.pk).update(finished_at=timezone.now())
    return len(batch)


def mail_update(mailing_id):
    """Queue the update for every subscriber, batch by batch."""
    total = 0
    while queued := mail_update_batch(mailing_id):
        total += queued
    return total
