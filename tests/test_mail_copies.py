"""The copies kept of sent mail hold no live links, and links to withdraw expire.

A link to confirm, withdraw or unsubscribe acts for the person it was mailed to. The
outbox keeps a copy of each message for 30 days; with the links in it, a copy of the
database could confirm or withdraw signatures. The links are now made when a message
is sent, from what the row names, and never stored.
"""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign.lib.outbox import OutgoingMail
from campaign.models import Signature, TimelineEntry
from campaign.moderation import updates
from campaign.petition import signatures
from tests.factories import link_from_mail, make_signature, make_staff, sign

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/(?:confirm|withdraw)/[^/\s\"<]+/|/unsubscribe/[^/\s\"<]+/")


def stored_links(row):
    return LINK.findall(row.body_text) + LINK.findall(row.body_html)


def test_a_sent_confirmation_keeps_no_live_link_in_its_copy(client, petition, on_commit):
    sign(client, petition, on_commit)
    (row,) = OutgoingMail.objects.all()
    assert row.state == OutgoingMail.State.SENT
    assert stored_links(row) == []
    # The message itself had working links.
    confirm = link_from_mail(mail.outbox[0])
    assert "/confirm/" in confirm and "/withdraw/" in link_from_mail(mail.outbox[0], "withdraw")
    client.post(confirm)
    assert Signature.objects.get().state == Signature.State.CONFIRMED


def test_a_queued_message_holds_no_live_link_either(client, petition, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    signature = make_signature(petition, email="queued@example.org", state="pending")
    signatures.send_confirmation(signature)
    (row,) = OutgoingMail.objects.all()
    assert row.state == OutgoingMail.State.QUEUED
    assert stored_links(row) == []


def test_a_notice_to_a_signer_keeps_no_withdraw_link(client, petition, on_commit):
    make_signature(petition, email="signed@example.org")
    with on_commit():
        client.post(f"/petitions/{petition.slug}/resend/", {"email": "signed@example.org"})
    (row,) = OutgoingMail.objects.all()
    assert stored_links(row) == []
    assert link_from_mail(mail.outbox[0], "withdraw")


def test_a_campaign_update_keeps_no_unsubscribe_link(petition, on_commit):
    make_signature(petition, email="news@example.org", wants_updates=True)
    entry = TimelineEntry.objects.create(
        petition=petition, date=timezone.localdate(), title="News", kind="update"
    )
    with on_commit():
        updates.start_update_mailing(entry, make_staff("editor"))
    (row,) = OutgoingMail.objects.all()
    assert stored_links(row) == []
    assert "/updates/unsubscribe/" in mail.outbox[0].body


def test_a_message_whose_signature_is_gone_is_not_sent(petition, settings, on_commit):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    signature = make_signature(petition, email="gone@example.org", state="pending")
    signatures.send_confirmation(signature)
    signatures.withdraw_signature(signature.pk)
    from campaign.lib.outbox import deliver

    (row,) = OutgoingMail.objects.all()
    assert deliver(row.pk) == OutgoingMail.State.FAILED
    assert mail.outbox == []


def test_a_withdraw_link_expires_and_offers_a_new_one(
    client, petition, on_commit, settings, monkeypatch
):
    sign(client, petition, on_commit)
    client.post(link_from_mail(mail.outbox[0]))
    withdraw = link_from_mail(mail.outbox[0], "withdraw")
    later = timezone.now() + timedelta(days=settings.SIGNATURE_WITHDRAW_LINK_DAYS, minutes=1)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    page = client.get(withdraw)
    assert page.status_code == 400
    assert "This link has expired" in page.content.decode()
    assert f'action="/petitions/{petition.slug}/resend/"' in page.content.decode()
    assert client.post(withdraw).status_code == 400
    assert Signature.objects.count() == 1


def test_a_withdraw_link_works_within_its_days(client, petition, on_commit, settings,
                                               monkeypatch):
    sign(client, petition, on_commit)
    withdraw = link_from_mail(mail.outbox[0], "withdraw")
    later = timezone.now() + timedelta(days=settings.SIGNATURE_WITHDRAW_LINK_DAYS - 1)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    client.post(withdraw)
    assert not Signature.objects.exists()


# Copies stored before: the migration ----------------------------------------------------


def migrate_stored_mail():
    import importlib
    from pathlib import Path

    from django.apps import apps

    import campaign.migrations

    folder = Path(campaign.migrations.__file__).parent
    (path,) = folder.glob("*_outgoingmail_links.py")
    importlib.import_module(f"campaign.migrations.{path.stem}").links_out_of_stored_mail(apps, None)


def test_the_migration_takes_the_links_out_of_stored_copies(client, petition):
    from django.conf import settings as django_settings

    from campaign.lib.outbox import deliver

    signature = make_signature(petition, email="old@example.org", state="pending")
    confirm = django_settings.SITE_URL + signatures.link_path(signature, signatures.CONFIRM)
    withdraw = django_settings.SITE_URL + signatures.link_path(signature, signatures.WITHDRAW)
    unsubscribe = django_settings.SITE_URL + "/updates/unsubscribe/not-a-token/"
    row = OutgoingMail.objects.create(
        template="signature-confirm", to="old@example.org", subject="Please confirm",
        body_text=f"Confirm: {confirm}\nWithdraw: {withdraw}\nStop: {unsubscribe}\n",
        body_html=f'<a href="{confirm}">Confirm</a> <a href="{withdraw}">Withdraw</a>',
        next_attempt_at=timezone.now(),
    )
    migrate_stored_mail()
    row.refresh_from_db()
    assert stored_links(row) == []
    assert "(link removed)" in row.body_text  # a token that does not read is dropped
    assert len(row.links) == 2
    # Still queued, so still sent, with links that work.
    assert deliver(row.pk) == OutgoingMail.State.SENT
    sent = mail.outbox[-1]
    client.post(link_from_mail(sent))
    assert Signature.objects.get().state == Signature.State.CONFIRMED
    migrate_stored_mail()  # a second run changes nothing
    assert OutgoingMail.objects.get().links == row.links
