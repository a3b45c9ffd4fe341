"""Editors mail a campaign update once to the confirmed signers who asked for updates."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from campaign.models import CampaignUpdate, OutgoingMail, Signature, TimelineEntry, UpdateMailing
from campaign.moderation import updates
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db

UPDATES = "/admin/campaign/campaignupdate/"


@pytest.fixture
def petition():
    petition = make_petition()
    for n in range(3):
        make_signature(petition, f"Fan {n}", wants_updates=True)
    make_signature(petition, "Quiet", wants_updates=False)
    make_signature(petition, "Unconfirmed", wants_updates=True, state=Signature.State.PENDING)
    make_signature(petition, "Held", wants_updates=True, flagged=True)
    return petition


@pytest.fixture
def update(petition):
    return CampaignUpdate.objects.create(
        petition=petition, date="2026-11-20", title="Delivered to the embassy", body="We did it."
    )


def send(client, update):
    return client.post(
        UPDATES,
        {"action": "send_to_subscribers", "_selected_action": [update.pk], "confirm": "yes"},
    )


def test_an_update_is_a_timeline_entry_of_kind_update(update):
    assert TimelineEntry.objects.get(pk=update.pk).kind == TimelineEntry.Kind.UPDATE


def test_sending_asks_for_confirmation_with_the_number_of_subscribers(client, editor, update):
    page = client.post(UPDATES, {"action": "send_to_subscribers", "_selected_action": [update.pk]})
    assert "3 subscribers" in page.content.decode()
    assert not UpdateMailing.objects.exists()


def test_sending_mails_each_opted_in_confirmed_signer_once(client, editor, update, on_commit):
    with on_commit():
        response = send(client, update)
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [f"fan.{n}@example.org" for n in range(3)]
    assert OutgoingMail.objects.filter(template="campaign-update").count() == 3
    mailing = UpdateMailing.objects.get()
    assert mailing.recipients == 3 and mailing.sent_by == editor and mailing.finished_at
    assert LogEntry.objects.get(object_id=str(update.pk)).get_change_message() == (
        "Sent to subscribers"
    )
    assert "Delivered to the embassy" in mail.outbox[0].subject

    with on_commit():
        send(client, update)
    assert len(mail.outbox) == 3


def test_a_large_list_is_queued_in_batches_without_repeats(petition, update, settings):
    updates.BATCH_SIZE, old = 2, updates.BATCH_SIZE
    try:
        mailing = UpdateMailing.objects.create(entry=update)
        assert updates.mail_update_batch(mailing.pk) == 2
        assert updates.mail_update_batch(mailing.pk) == 1
        assert updates.mail_update_batch(mailing.pk) == 0
    finally:
        updates.BATCH_SIZE = old
    assert OutgoingMail.objects.count() == 3
    assert len(set(OutgoingMail.objects.values_list("to", flat=True))) == 3


def test_the_unsubscribe_link_shows_a_button_and_stops_updates(client, editor, update, on_commit):
    with on_commit():
        send(client, update)
    message = next(m for m in mail.outbox if m.to == ["fan.0@example.org"])
    url = re.search(r"http://[^\s]+/updates/unsubscribe/[^\s]+/", message.body).group(0)
    path = url.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    page = client.get("/" + path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert Signature.objects.get(email="fan.0@example.org").wants_updates is True
    done = client.post("/" + path)
    assert "you will not receive campaign updates" in done.content.decode()
    assert Signature.objects.get(email="fan.0@example.org").wants_updates is False
    assert updates.update_recipients(update.petition).count() == 2


def test_a_forged_unsubscribe_link_is_refused(client):
    response = client.get("/updates/unsubscribe/not-a-token/")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
