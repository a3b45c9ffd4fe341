"""Emailed links: signed, expiring, bound to one signature, and a way out."""

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone

from campaign.models import Signature
from campaign.petition import signatures as petition_signatures
from tests.factories import link_from_mail, make_petition, make_signature, sign

pytestmark = pytest.mark.django_db


def test_an_expired_confirmation_link_offers_a_new_one(
    client, petition, on_commit, settings, monkeypatch
):
    sign(client, petition, on_commit)
    link = link_from_mail(mail.outbox[0])
    later = timezone.now() + timedelta(days=settings.SIGNATURE_LINK_DAYS, minutes=1)
    # Django's signer reads the clock through time.time.
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    page = client.get(link)
    post = client.post(link)
    assert page.status_code == 400
    assert "This link has expired" in page.content.decode()
    assert f'action="/petitions/{petition.slug}/resend/"' in page.content.decode()
    assert post.status_code == 400
    assert Signature.objects.get().state == Signature.State.PENDING


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-3] + ("xyz" if not token.endswith("xyz") else "abc"),
        lambda token: "x" + token,
        lambda token: token.split(":")[0],
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_confirmation_link_confirms_nothing(client, petition, on_commit, tamper):
    sign(client, petition, on_commit)
    link = link_from_mail(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    response = client.post(link.replace(token, tamper(token)))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Signature.objects.get().state == Signature.State.PENDING


def test_a_forged_link_with_a_valid_signature_but_wrong_token_is_refused(petition):
    signature = make_signature(petition, email="a@x.org", state="pending")
    # Even someone who could sign values (they cannot without SECRET_KEY) needs the token.
    forged = signing.dumps({"s": signature.pk, "t": "0" * 64}, salt="campaign.signature.confirm")
    assert petition_signatures.read_link(forged, "confirm") == (None, "invalid")
    good = petition_signatures.link_value(signature, "confirm")
    assert petition_signatures.read_link(good, "confirm") == (signature, "")


def test_a_confirmation_link_does_not_withdraw_and_vice_versa(client, petition, on_commit):
    sign(client, petition, on_commit)
    confirm = link_from_mail(mail.outbox[0], "confirm")
    withdraw = link_from_mail(mail.outbox[0], "withdraw")
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/petitions/{petition.slug}/withdraw/{token}/").status_code == 400
    token = withdraw.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/petitions/{petition.slug}/confirm/{token}/").status_code == 400
    assert Signature.objects.get().state == Signature.State.PENDING


def test_a_link_only_works_on_its_own_petition(client, petition, on_commit):
    other = make_petition()
    sign(client, petition, on_commit)
    link = link_from_mail(mail.outbox[0]).replace(petition.slug, other.slug)
    assert client.post(link).status_code == 400


def test_withdrawing_deletes_the_signature_and_the_count_follows(client, petition, on_commit):
    sign(client, petition, on_commit)
    client.post(link_from_mail(mail.outbox[0]))
    petition.refresh_from_db()
    assert petition.signature_count == 1

    withdraw = link_from_mail(mail.outbox[0], "withdraw")
    page = client.get(withdraw)
    assert "Withdraw and delete my signature" in page.content.decode()
    assert Signature.objects.count() == 1, "opening the link changes nothing"

    response = client.post(withdraw, follow=True)
    assert "Your signature has been withdrawn" in response.content.decode()
    assert Signature.objects.count() == 0
    petition.refresh_from_db()
    assert petition.signature_count == 0
    assert petition.tallies.get(country="KR").count == 0

    again = client.post(withdraw)
    assert again.status_code == 400


def test_the_person_can_sign_again_after_withdrawing(client, petition, on_commit):
    sign(client, petition, on_commit)
    client.post(link_from_mail(mail.outbox[0], "withdraw"))
    sign(client, petition, on_commit)
    assert Signature.objects.count() == 1
    assert "confirm your signature" in mail.outbox[-1].subject


def test_tokens_carry_at_least_128_bits(petition):
    signature = make_signature(petition, email="a@x.org", state="pending")
    payload = signing.loads(
        petition_signatures.link_value(signature, "confirm"), salt="campaign.signature.confirm"
    )
    assert len(bytes.fromhex(payload["t"])) * 8 >= 128
