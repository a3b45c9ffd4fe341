"""A moderator can pause signing on the whole site; every petition then refuses signatures."""

import pytest

from campaign.models import CampaignSettings, Signature
from campaign.roles import MODERATORS
from tests.factories import make_petition, make_staff, sign

pytestmark = pytest.mark.django_db

PAUSED = "Signing is paused for now. Please come back later."


def test_a_moderator_pauses_signing_in_the_admin(client):
    client.force_login(make_staff("moderator", MODERATORS))
    assert "Campaign settings" in client.get("/admin/campaign/campaignsettings/").content.decode()
    response = client.post(
        "/admin/campaign/campaignsettings/1/change/",
        {"signing_paused": "on", "note": "Spam wave from one network"},
    )
    assert response.status_code == 302
    assert CampaignSettings.signing_is_paused()


def test_signing_is_refused_with_the_paused_message_while_paused_site_wide(client, on_commit):
    petition = make_petition()
    CampaignSettings.objects.create(signing_paused=True)
    page = client.get(petition.get_absolute_url()).content.decode()
    assert PAUSED in page
    response = sign(client, petition, on_commit)
    assert response.status_code == 302
    assert not Signature.objects.exists()
    followed = client.get(response["Location"]).content.decode()
    assert PAUSED in followed


def test_signing_works_again_once_resumed(client, on_commit):
    petition = make_petition()
    CampaignSettings.objects.create(signing_paused=True)
    settings_row = CampaignSettings.load()
    settings_row.signing_paused = False
    settings_row.save()
    sign(client, petition, on_commit)
    assert Signature.objects.count() == 1


def test_a_closed_petition_stays_closed_whatever_the_switch(db):
    petition = make_petition(state="closed")
    CampaignSettings.objects.create(signing_paused=True)
    assert petition.effective_state == "closed"
