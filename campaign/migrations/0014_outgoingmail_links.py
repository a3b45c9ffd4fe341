"""Links that act for someone (confirm, withdraw, unsubscribe) are made as a message is
sent and never stored (campaign.lib.outbox.Link).

The copies already stored held such links. Each is replaced by a stand-in naming what
it was made from, as a new message holds it: a queued message is still sent with
working links, and a copy of one already sent holds none. A link whose token no
longer reads (another SECRET_KEY) is replaced by a note that it was removed.
"""

import re
import secrets

from django.core import signing
from django.db import migrations, models

SIGNATURE_LINK = re.compile(
    r"https?://[^\s\"<>]*?/petitions/[^/\s\"<>]+/(?P<purpose>confirm|withdraw)/"
    r"(?P<token>[^/\s\"<>]+)/"
)
UNSUBSCRIBE_LINK = re.compile(r"https?://[^\s\"<>]*?/updates/unsubscribe/(?P<token>[^/\s\"<>]+)/")
REMOVED = "(link removed)"


def _what_it_names(match):
    """[path of the function that makes the link, its arguments], or None."""
    token = match.group("token")
    try:
        if "purpose" in match.re.groupindex:
            purpose = match.group("purpose")
            payload = signing.loads(token, salt=f"campaign.signature.{purpose}")
            if isinstance(payload, dict) and isinstance(payload.get("s"), int):
                return ["campaign.petition.signatures.link_url", payload["s"], purpose]
        else:
            pk = signing.loads(token, salt="campaign.updates.unsubscribe")
            if isinstance(pk, int):
                return ["campaign.moderation.updates.unsubscribe_url", pk]
    except signing.BadSignature:
        pass
    return None


def links_out_of_stored_mail(apps, schema_editor):
    OutgoingMail = apps.get_model("campaign", "OutgoingMail")
    rows = OutgoingMail.objects.filter(
        models.Q(body_text__contains="/confirm/")
        | models.Q(body_text__contains="/withdraw/")
        | models.Q(body_text__contains="/unsubscribe/")
    ).order_by("pk")
    for row in rows.iterator(chunk_size=500):
        links = dict(row.links)
        stand_ins = {}

        def replace(match, links=links, stand_ins=stand_ins):
            url = match.group(0)
            if url not in stand_ins:
                named = _what_it_names(match)
                if named is None:
                    stand_ins[url] = REMOVED
                else:
                    stand_ins[url] = f"mail-link-{secrets.token_hex(8)}"
                    links[stand_ins[url]] = named
            return stand_ins[url]

        text, html = row.body_text, row.body_html
        for pattern in (SIGNATURE_LINK, UNSUBSCRIBE_LINK):
            text = pattern.sub(replace, text)
            html = pattern.sub(replace, html)
        if (text, html) != (row.body_text, row.body_html):
            OutgoingMail.objects.filter(pk=row.pk).update(
                body_text=text, body_html=html, links=links
            )


class Migration(migrations.Migration):

    dependencies = [
        ("campaign", "0013_signature_addresses_as_delivered"),
    ]

    operations = [
        migrations.AddField(
            model_name="outgoingmail",
            name="links",
            field=models.JSONField(blank=True, default=dict, verbose_name="links made when sent"),
        ),
        migrations.RunPython(links_out_of_stored_mail, migrations.RunPython.noop),
    ]
