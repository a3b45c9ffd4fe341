"""Signing a petition and every change that moves its count.

These functions are shared by the views, the admin, the management commands
and the tests. Each change to signatures happens in one transaction with the
change to Petition.signature_count and the per-country tallies, with the rows
locked, so the stored count stays exact however many people sign at once.

A signature is counted when it is confirmed and not flagged.
"""

import hashlib
import hmac
import secrets
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_tasks import task

from campaign.lib.fragments import renew
from campaign.lib.outbox import Link, queue_mail
from campaign.petition import abuse
from campaign.petition.models import CountryTally, Petition, Signature, TimelineEntry
from campaign.petition.rules import milestones_between, normalise_email

CONFIRM = "confirm"
WITHDRAW = "withdraw"

# Signing ---------------------------------------------------------------------


def sign_petition(petition, data, request_meta):
    """Record a signature, unless this address has signed, and hand its mail to a task.

    `data` is the signature form's cleaned data; `request_meta` holds
    `ip_hash`, `flags` (reasons to hold it for moderation), `language` and
    `site_url` (the address mailed links start with: campaign.lib.links).
    A second signature with the same address creates nothing: the first
    signer is emailed instead (a fresh link if still unconfirmed, otherwise a
    notice), so the page never tells a visitor who has signed. Nor does the
    time the request takes: it runs the same two statements either way, an
    insert that the unique constraint on (petition, address) quietly skips for
    a repeat (ON CONFLICT DO NOTHING, so no look first and no error path) and
    the task, which decides what to send (`mail_signer`).
    """
    normalised = normalise_email(data["email"])
    flags = [flag for flag in request_meta.get("flags", []) if flag]
    nonce = secrets.token_hex(32)
    signature = Signature(
        petition=petition,
        name=data["name"].strip(),
        email=data["email"].strip(),
        normalised_email=normalised,
        country=data["country"],
        postal_code=data.get("postal_code", "").strip(),
        comment=data.get("comment", "").strip(),
        show_name=data.get("show_name", False),
        wants_updates=data.get("wants_updates", False),
        source=data.get("source", ""),
        ref=data.get("ref", ""),
        token_nonce=nonce,
        flagged=bool(flags),
        flag_reason="; ".join(flags)[:200],
        ip_hash=request_meta.get("ip_hash", ""),
        language=request_meta.get("language") or get_language() or "",
    )
    with transaction.atomic():
        Signature.objects.bulk_create([signature], ignore_conflicts=True)
        # The nonce tells the task whether this request made the row: a new
        # signer's first mail always goes, whatever the mail limit says.
        mail_signer.enqueue(petition.pk, normalised, nonce, request_meta.get("site_url"))


def resend_confirmation(petition, email, site_url=None):
    """The "send me the link again" form: whoever holds this address, if anyone, is
    mailed by the task; the request does the same work for an unknown address."""
    mail_signer.enqueue(petition.pk, normalise_email(email), "", site_url)


@task()
def mail_signer(petition_id, normalised_email, nonce="", site_url=None):
    """Mail the holder of an address after a signing or a request for a new link:
    the confirmation link while unconfirmed, else a notice that they have signed.
    Nothing for an address nobody signed with; nothing past the per-address mail
    limit, except the first mail of a signature just made (`nonce` is its own).
    Links start with `site_url`, the address the request came to (else SITE_URL)."""
    signature = (
        Signature.objects.filter(petition_id=petition_id, normalised_email=normalised_email)
        .select_related("petition")
        .first()
    )
    if signature is None:
        return
    # Counts towards the limit every time, so the first mail counts too.
    allowed = abuse.mail_allowed(normalised_email, petition_id)
    first = bool(nonce) and hmac.compare_digest(signature.token_nonce, nonce)
    if not (allowed or first):
        return
    with transaction.atomic():
        if signature.state == Signature.State.PENDING:
            send_confirmation(signature, site_url)
        else:
            # In the signer's language, with links to the pages in it, whoever asked.
            with translation.override(signature_language(signature)):
                context = mail_context(signature, site_url)
                queue_mail("signature-already-signed", signature.email, context)


def signature_language(signature):
    return signature.language or settings.LANGUAGE_CODE


def send_confirmation(signature, site_url=None):
    # In the signer's language, with links to the pages in it, whoever asks for the mail.
    with translation.override(signature_language(signature)):
        queue_mail("signature-confirm", signature.email, mail_context(signature, site_url))


def mail_context(signature, site_url=None):
    """What the signature mails show, with links on `site_url` (else SITE_URL) to the pages
    in the active language."""
    petition = signature.petition
    base = site_url or settings.SITE_URL
    return {
        "signature": signature,
        "petition": petition,
        "petition_url": petition.public_url(base),
        # Made as the mail is sent, never stored (campaign.lib.outbox.Link).
        "confirm_url": Link(link_url, signature.pk, CONFIRM, base),
        "withdraw_url": Link(link_url, signature.pk, WITHDRAW, base),
        "link_days": settings.SIGNATURE_LINK_DAYS,
        "withdraw_days": settings.SIGNATURE_WITHDRAW_LINK_DAYS,
        "SITE_URL": base,
    }


def link_url(signature_id, purpose, base=None):
    """The full address of a signature's emailed link, made as the mail is sent, on the
    site's address `base` and in the signer's language; None once the signature is gone."""
    signature = Signature.objects.filter(pk=signature_id).select_related("petition").first()
    if signature is None:
        return None
    with translation.override(signature_language(signature)):
        return (base or settings.SITE_URL) + link_path(signature, purpose)


# Links -----------------------------------------------------------------------


def _token(signature, purpose):
    message = f"{purpose}:{signature.pk}:{signature.token_nonce}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def link_value(signature, purpose):
    """The token in an emailed link: signed, timestamped, carrying 256 bits."""
    return signing.dumps(
        {"s": signature.pk, "t": _token(signature, purpose)}, salt=f"campaign.signature.{purpose}"
    )


def link_path(signature, purpose):
    name = "signature_confirm" if purpose == CONFIRM else "signature_withdraw"
    return reverse(
        name, kwargs={"slug": signature.petition.slug, "token": link_value(signature, purpose)}
    )


def read_link(value, purpose, petition=None):
    """The signature an emailed link stands for, and what is wrong with it.

    Returns (signature or None, problem) where problem is "" (fine),
    "expired" or "invalid". A confirmation link works for SIGNATURE_LINK_DAYS,
    a link to withdraw for SIGNATURE_WITHDRAW_LINK_DAYS; the form for a new
    link sends a fresh one of either.
    """
    days = settings.SIGNATURE_LINK_DAYS if purpose == CONFIRM else (
        settings.SIGNATURE_WITHDRAW_LINK_DAYS
    )
    max_age = days * 86400
    try:
        payload = signing.loads(value, salt=f"campaign.signature.{purpose}", max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), str):
        return None, "invalid"
    signature = Signature.objects.filter(pk=payload.get("s")).select_related("petition").first()
    if signature is None or (petition is not None and signature.petition_id != petition.pk):
        return None, "invalid"
    if not hmac.compare_digest(_token(signature, purpose), payload["t"]):
        return None, "invalid"
    return signature, ""


_NUMBER_SALT = "campaign.signature.number"


def thanks_path(signature):
    """The thank-you page; with the signer's number when they have one.

    The number travels in the address, signed, so the page needs no session
    and nobody can make it say another number.
    """
    path = reverse("signature_thanks", kwargs={"slug": signature.petition.slug})
    if signature.signer_number:
        value = signing.dumps([signature.petition_id, signature.signer_number], salt=_NUMBER_SALT)
        path += "?" + urlencode({"n": value})
    return path


def signer_number_from(value, petition):
    """The signer's number carried by a thank-you address, or None."""
    try:
        petition_id, number = signing.loads(value, salt=_NUMBER_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if petition_id != petition.pk or not isinstance(number, int) or number < 1:
        return None
    return number


# Changes that move the count --------------------------------------------------


def _is_counted(row):
    return row["state"] == Signature.State.CONFIRMED and not row["flagged"]


def _apply_deltas(deltas):
    """Move the tallies and counts; returns {petition id: count after} for the
    petitions whose count rose, read in the transaction that holds their rows."""
    now = timezone.now()
    by_petition = Counter()
    for (petition_id, country), delta in sorted(deltas.items()):
        if not delta:
            continue
        by_petition[petition_id] += delta
        _add_to_tally(petition_id, country, delta)
    risen = {}
    for petition_id, delta in sorted(by_petition.items()):
        if not delta:
            continue
        Petition.objects.filter(pk=petition_id).update(
            signature_count=F("signature_count") + delta, updated_at=now
        )
        if delta > 0:
            # The update holds the petition's row until this transaction ends, so
            # no other change moves the count between that update and this read.
            count, goal = (
                Petition.objects.filter(pk=petition_id).values_list("signature_count", "goal").get()
            )
            risen[petition_id] = count
            mark_milestones(petition_id, count - delta, count, goal)
    return risen


def milestone_title(number, goal):
    """The timeline's words for a milestone, in the active language."""
    count = f"{number:,}"
    if number == goal:
        return _("Goal reached: %(count)s people have signed") % {"count": count}
    return _("%(count)s people have signed") % {"count": count}


def mark_milestones(petition_id, before, after, goal):
    """Add a timeline entry for each milestone the count passed going from
    `before` to `after`: at most one per milestone and petition, however many
    transactions pass it (the unique constraint decides, not a look first).

    The title is written in both languages; editors may reword or hide it in the
    admin.
    """
    passed = milestones_between(before, after, goal)
    if not passed:
        return
    titles = {}
    for language in ("en", "ko"):
        with translation.override(language):
            titles[language] = {number: milestone_title(number, goal) for number in passed}
    entries = [
        TimelineEntry(
            petition_id=petition_id,
            date=timezone.localdate(),
            kind=TimelineEntry.Kind.MILESTONE,
            milestone=number,
            title_en=titles["en"][number],
            title_ko=titles["ko"][number],
        )
        for number in passed
    ]
    TimelineEntry.objects.bulk_create(entries, ignore_conflicts=True)


def _number_signers(rows, counts):
    """Give newly counted signatures their place: the count they brought the
    petition to. `rows` are in primary-key order, `counts` from _apply_deltas."""
    by_petition = defaultdict(list)
    for row in rows:
        by_petition[row["petition_id"]].append(row["pk"])
    for petition_id, pks in by_petition.items():
        if petition_id not in counts:
            continue
        first = max(1, counts[petition_id] - len(pks) + 1)
        for number, pk in enumerate(pks, start=first):
            Signature.objects.filter(pk=pk).update(signer_number=number)


def _add_to_tally(petition_id, country, delta):
    updated = CountryTally.objects.filter(petition_id=petition_id, country=country).update(
        count=F("count") + delta
    )
    if updated or delta < 0:
        return
    try:
        with transaction.atomic():
            CountryTally.objects.create(petition_id=petition_id, country=country, count=delta)
    except IntegrityError:
        # Another transaction created the row first; add to it instead.
        CountryTally.objects.filter(petition_id=petition_id, country=country).update(
            count=F("count") + delta
        )


def _change(queryset, delete=False, **changes):
    """Update (or delete) the signatures in `queryset` and move the counts by
    exactly as much as the set of counted signatures changed. Returns how many
    rows changed."""
    fields = ("pk", "petition_id", "country", "state", "flagged", "signer_number")
    with transaction.atomic():
        # Lock the rows in a fixed order so two changes never deadlock, and so
        # what we read here is what the update changes.
        rows = list(queryset.select_for_update().order_by("pk").values(*fields))
        if not rows:
            return 0
        pks = [row["pk"] for row in rows]
        deltas = Counter()
        newly_counted = []
        for row in rows:
            if _is_counted(row):
                deltas[(row["petition_id"], row["country"])] -= 1
        if delete:
            Signature.objects.filter(pk__in=pks).delete()
        else:
            Signature.objects.filter(pk__in=pks).update(**changes, updated_at=timezone.now())
            for row in rows:
                after = {**row, **{k: v for k, v in changes.items() if k in row}}
                if _is_counted(after):
                    deltas[(row["petition_id"], row["country"])] += 1
                    # Counted for the first time: it takes its place in the count.
                    if not _is_counted(row) and row["signer_number"] is None:
                        newly_counted.append(row)
        _number_signers(newly_counted, _apply_deltas(deltas))
        return len(pks)


def confirm_signature(signature_id):
    """Confirm a pending signature. Returns True if this call confirmed it."""
    return bool(
        _change(
            Signature.objects.filter(pk=signature_id, state=Signature.State.PENDING),
            state=Signature.State.CONFIRMED,
            confirmed_at=timezone.now(),
        )
    )


def invalidate_signatures(queryset, reason):
    """Mark signatures invalid (fraud, duplicates found later) and uncount them."""
    return _change(
        queryset.exclude(state=Signature.State.INVALIDATED),
        state=Signature.State.INVALIDATED,
        invalidation_reason=reason[:200],
    )


def restore_signatures(queryset):
    """Undo invalidation: back to confirmed, or pending if never confirmed."""
    invalid = queryset.filter(state=Signature.State.INVALIDATED)
    with transaction.atomic():
        restored = _change(
            invalid.filter(confirmed_at__isnull=False),
            state=Signature.State.CONFIRMED,
            invalidation_reason="",
        )
        restored += _change(
            invalid.filter(confirmed_at__isnull=True),
            state=Signature.State.PENDING,
            invalidation_reason="",
        )
    return restored


def validate_signatures(queryset):
    """A moderator vouches for flagged signatures: they are counted once confirmed."""
    return _change(queryset.filter(flagged=True), flagged=False)


def flag_signatures(queryset, reason):
    """Hold signatures for moderation; they leave the count until validated."""
    return _change(queryset.filter(flagged=False), flagged=True, flag_reason=reason[:200])


def withdraw_signature(signature_id):
    """Delete a signature at its signer's request. Returns True if it existed.

    A signature the petition page shows (its name or its comment) leaves the
    page's cached copies at once, not within PUBLIC_CACHE_SECONDS: the person
    who withdrew must not find their name still there."""
    rows = Signature.objects.filter(pk=signature_id)
    shown = (
        rows.counted()
        .filter(Q(show_name=True) | Q(comment_state=Signature.CommentState.APPROVED))
        .exists()
    )
    withdrawn = bool(_change(rows, delete=True))
    if withdrawn and shown:
        renew("petitions")
    return withdrawn


def delete_signatures(queryset):
    """Delete signatures for good (moderators); the count follows."""
    return _change(queryset, delete=True)


def purge_unconfirmed(older_than, dry_run=False):
    """Delete signatures never confirmed, created before `older_than`."""
    stale = Signature.objects.filter(state=Signature.State.PENDING, created_at__lt=older_than)
    if dry_run:
        return stale.count()
    # Pending signatures are never counted, so deleting them moves no count;
    # going through _change keeps that true even if one is confirmed meanwhile.
    return _change(stale, delete=True)


# Verification -----------------------------------------------------------------


@dataclass
class Recount:
    petition: Petition
    stored: int
    actual: int
    tallies_fixed: int

    @property
    def was_wrong(self):
        return self.stored != self.actual or self.tallies_fixed > 0


def recount(petition_id, fix=True):
    """Compare the stored counts with the signatures and repair them."""
    with transaction.atomic():
        # Same lock order as _change (tallies, then the petition), so a
        # recount beside people signing cannot deadlock with them.
        list(
            CountryTally.objects.select_for_update()
            .filter(petition_id=petition_id)
            .order_by("country")
        )
        petition = Petition.objects.select_for_update().get(pk=petition_id)
        actual_by_country = dict(
            Signature.objects.counted()
            .filter(petition=petition)
            .values_list("country")
            .annotate(n=Count("pk"))
            .values_list("country", "n")
        )
        actual = sum(actual_by_country.values())
        stored_by_country = dict(petition.tallies.values_list("country", "count"))
        wrong = {
            country
            for country in set(actual_by_country) | set(stored_by_country)
            if actual_by_country.get(country, 0) != stored_by_country.get(country, 0)
        }
        if fix:
            for country in wrong:
                CountryTally.objects.update_or_create(
                    petition=petition,
                    country=country,
                    defaults={"count": actual_by_country.get(country, 0)},
                )
            if petition.signature_count != actual:
                Petition.objects.filter(pk=petition.pk).update(
                    signature_count=actual, updated_at=timezone.now()
                )
        return Recount(petition, petition.signature_count, actual, len(wrong))
