"""Store every signer's address as mail is delivered to it, and hold the duplicates
that this reveals for moderators.

Before, the signing form took an address as typed. Django's mail code sends to the
domain's IDNA form, in which fullwidth letters become ASCII and soft hyphens and
zero-width characters vanish, and delivers a quoted local part ("x"@d) to x@d: so
one mailbox could hold several counted signatures of one petition. This rewrites
each address the way it was delivered and recomputes its normalised form. Where two
rows of one petition turn out to be one mailbox, the first counted one (else the
oldest) keeps the address; the others are not deleted but held for moderation
(flagged, so left out of the count) with a reason naming the signature they repeat,
and their address as typed is kept for the moderator to see.

Only rows whose address changes are written; a second run changes nothing.
"""

from collections import defaultdict

from django.db import migrations
from django.db.models import F
from email_validator import EmailNotValidError, validate_email

from campaign.petition.rules import UndeliverableAddress, delivery_address, normalise_email

MAX_LENGTH = 254


def as_delivered(address):
    """The address Django's mail code delivered a stored address to."""
    try:
        return delivery_address(address)
    except UndeliverableAddress:
        pass
    local, _at, domain = address.strip().rpartition("@")
    try:
        # What django.core.mail does to a domain (Python's IDNA 2003 codec).
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return address.strip()
    try:
        checked = validate_email(
            f"{local}@{domain}",
            check_deliverability=False,
            allow_quoted_local=True,
            allow_domain_literal=True,
            globally_deliverable=False,
        )
    except EmailNotValidError:
        return address.strip()
    delivered = f"{checked.local_part}@{checked.ascii_domain or checked.domain}"
    return delivered if len(delivered) <= MAX_LENGTH else address.strip()


def _is_counted(row):
    return row["state"] == "confirmed" and not row["flagged"]


def addresses_as_delivered(apps, schema_editor):
    Signature = apps.get_model("campaign", "Signature")
    Petition = apps.get_model("campaign", "Petition")
    CountryTally = apps.get_model("campaign", "CountryTally")
    fields = ("pk", "petition_id", "email", "normalised_email", "state", "flagged",
              "flag_reason", "country", "confirmed_at")

    # 1. Rows whose address or normalised form changes (usually few).
    changed = {}
    for row in Signature.objects.order_by("pk").values(*fields).iterator(chunk_size=2000):
        if row["normalised_email"].startswith("duplicate-"):
            continue  # held by an earlier run
        delivered = as_delivered(row["email"])
        normalised = normalise_email(delivered)[:MAX_LENGTH]
        if (delivered, normalised) != (row["email"], row["normalised_email"]):
            changed[row["pk"]] = {**row, "new_email": delivered, "new_normalised": normalised}
    if not changed:
        return

    # 2. Each changed row with the rows it now shares a mailbox with.
    groups = defaultdict(dict)
    for row in changed.values():
        groups[(row["petition_id"], row["new_normalised"])][row["pk"]] = row
    for (petition_id, normalised), members in groups.items():
        holders = Signature.objects.filter(
            petition_id=petition_id, normalised_email=normalised
        ).exclude(pk__in=list(changed)).values(*fields)
        for row in holders:
            members[row["pk"]] = {**row, "new_email": row["email"], "new_normalised": normalised}

    # 3. Free every address that moves, so no step meets the unique constraint.
    moving = sorted({pk for members in groups.values() for pk in members})
    for pk in moving:
        Signature.objects.filter(pk=pk).update(normalised_email=f"migrating:{pk}")

    # 4. One keeper per mailbox: counted first, then confirmed first, then oldest.
    for (petition_id, normalised), members in groups.items():
        rows = sorted(
            members.values(),
            key=lambda row: (not _is_counted(row), row["confirmed_at"] is None,
                             row["confirmed_at"] or 0, row["pk"]),
        )
        keeper, *duplicates = rows
        Signature.objects.filter(pk=keeper["pk"]).update(
            email=keeper["new_email"], normalised_email=normalised
        )
        for row in duplicates:
            reason = (f"duplicate: the same mailbox as signature #{keeper['pk']} "
                      f"(found when addresses were stored as delivered)")
            if row["flagged"] and row["flag_reason"]:
                reason = f"{reason}; {row['flag_reason']}"
            prefix = f"duplicate-{row['pk']}:"
            Signature.objects.filter(pk=row["pk"]).update(
                normalised_email=prefix + normalised[: MAX_LENGTH - len(prefix)],
                flagged=True,
                flag_reason=reason[:200],
            )
            if _is_counted(row):
                Petition.objects.filter(pk=petition_id).update(
                    signature_count=F("signature_count") - 1
                )
                CountryTally.objects.filter(
                    petition_id=petition_id, country=row["country"]
                ).update(count=F("count") - 1)


class Migration(migrations.Migration):

    dependencies = [
        ("campaign", "0012_cache_table"),
    ]

    operations = [
        migrations.RunPython(addresses_as_delivered, migrations.RunPython.noop),
    ]
