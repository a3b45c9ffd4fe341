"""Campaign updates mailed to subscribers, and the link that stops them.

An update is a timeline entry of kind "update". Sending it records one
UpdateMailing row (so it can never be sent twice) and hands the mailing to the
`mail_campaign_update` task, which queues one message per subscriber in the
outbox, batch by batch.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from campaign.lib.outbox import Link, queue_mail
from campaign.lib.tokens import row_for_signed_id, signed_id
from campaign.moderation.models import UpdateMailing
from campaign.petition.models import Signature

UNSUBSCRIBE_SALT = "campaign.updates.unsubscribe"
BATCH_SIZE = 500


def update_recipients(petition):
    """Confirmed, counted signers of the petition who asked for updates."""
    return petition.signatures.counted().filter(wants_updates=True)


def unsubscribe_token(signature):
    return signed_id(signature, UNSUBSCRIBE_SALT)


def unsubscribe_url(signature_id, base=None):
    """The full address of a subscriber's unsubscribe link (campaign.lib.outbox.Link): on
    the site's address `base` (stored with the mailing), in the signer's language."""
    signature = Signature.objects.filter(pk=signature_id).first()
    if signature is None:
        return None
    with translation.override(signature.language or settings.LANGUAGE_CODE):
        path = reverse("updates_unsubscribe", kwargs={"token": unsubscribe_token(signature)})
    return (base or settings.SITE_URL) + path


def signature_for_unsubscribe_token(token):
    """The signature a token was made for, or None for a bad or unknown token."""
    return row_for_signed_id(Signature.objects.all(), token, UNSUBSCRIBE_SALT)


def unsubscribe(signature):
    """Stop campaign updates to this person, on every petition they signed."""
    return Signature.objects.filter(normalised_email=signature.normalised_email).update(
        wants_updates=False, updated_at=timezone.now()
    )


def start_update_mailing(entry, user, site_url=""):
    """Record that an update is being mailed and hand the mailing to a task; its links
    will start with `site_url` (the address the editor's request came to), else SITE_URL.

    Returns the mailing, or None when the update was already sent: the
    one-to-one row makes sending twice impossible, even from two clicks at once.
    """
    with transaction.atomic():
        mailing, created = UpdateMailing.objects.get_or_create(
            entry=entry, defaults={"sent_by": user, "site_url": site_url}
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
    with transaction.atomic():
        mailing = (
            UpdateMailing.objects.select_for_update().select_related("entry").get(pk=mailing_id)
        )
        entry = mailing.entry
        base = mailing.site_url or settings.SITE_URL
        batch = list(
            update_recipients(entry.petition)
            .filter(pk__gt=mailing.last_signature_id)
            .order_by("pk")[:BATCH_SIZE]
        )
        for signature in batch:
            # In the signer's language, with links to the pages in it.
            with translation.override(signature.language or settings.LANGUAGE_CODE):
                queue_mail(
                    "campaign-update",
                    signature.email,
                    {
                        "entry": entry,
                        "petition": entry.petition,
                        "signature": signature,
                        # Made as the mail is sent, never stored in its copy.
                        "unsubscribe_url": Link(unsubscribe_url, signature.pk, base),
                        "SITE_URL": base,
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


@task()
def mail_campaign_update(mailing_id):
    """Queue a campaign update for every subscriber, in batches."""
    return mail_update(mailing_id)
