"""One signature per person per petition, without the page revealing who signed."""

import pytest
from django.core import mail, signing
from django.db import IntegrityError

from campaign.models import Signature
from campaign.petition import signatures
from tests.factories import link_from_mail, sign

pytestmark = pytest.mark.django_db


def test_signing_again_after_confirming_sends_a_notice_and_counts_once(client, petition, on_commit):
    first = sign(client, petition, on_commit)
    client.post(link_from_mail(mail.outbox[0]))
    second = sign(client, petition, on_commit, name="Someone Else")

    assert first["Location"] == second["Location"], "the same page either way"
    assert Signature.objects.count() == 1
    petition.refresh_from_db()
    assert petition.signature_count == 1
    notice = mail.outbox[-1]
    assert notice.subject.startswith("You have already signed")
    assert notice.to == ["mina@example.org"]
    assert link_from_mail(notice, "withdraw")


def test_signing_again_before_confirming_sends_the_same_link_again(client, petition, on_commit):
    sign(client, petition, on_commit)
    sign(client, petition, on_commit)
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "confirm your signature" in mail.outbox[1].subject
    # Both mails work: a double click on "Sign" must not break the first link. (They
    # carry the same token; the signed time-stamp around it may differ by a second.)
    first, second = (link_from_mail(message) for message in mail.outbox)
    assert signatures.read_link(first.split("/")[-2], "confirm") == (Signature.objects.get(), "")
    assert signatures.read_link(second.split("/")[-2], "confirm") == (Signature.objects.get(), "")
    assert {
        signing.loads(link.split("/")[-2], salt="campaign.signature.confirm")["t"]
        for link in (first, second)
    } == {signatures._token(Signature.objects.get(), "confirm")}


def test_the_same_gmail_address_written_differently_is_one_person(client, petition, on_commit):
    sign(client, petition, on_commit, email="Mina.Park@gmail.com")
    sign(client, petition, on_commit, email=" minapark+petition@googlemail.com ")
    assert Signature.objects.count() == 1
    assert Signature.objects.get().normalised_email == "minapark@gmail.com"
    # Mail goes to the address as the signer first wrote it.
    assert {m.to[0] for m in mail.outbox} == {"Mina.Park@gmail.com"}


def test_the_page_is_identical_for_new_and_repeated_signatures(client, petition, on_commit):
    new = sign(client, petition, on_commit, email="new@example.org")
    repeat = sign(client, petition, on_commit, email="new@example.org")
    assert new["Location"] == repeat["Location"]
    # Only the per-visitor CSRF token differs, so compare the main content.
    new_page = client.get(new["Location"]).content.decode().split("<main")[1]
    repeat_page = client.get(repeat["Location"]).content.decode().split("<main")[1]
    assert new_page == repeat_page


def test_a_repeat_is_caught_by_the_constraint_and_leaves_the_first_intact(petition, on_commit):
    # No look before the insert: the unique constraint answers for a repeat,
    # however close together the two requests were.
    data = {"name": "A", "email": "a@x.org", "country": "KR"}
    signatures.sign_petition(petition, data, {})
    first = Signature.objects.get()
    with on_commit():
        signatures.sign_petition(petition, {"name": "B", "email": "A@x.org", "country": "US"}, {})
    assert list(Signature.objects.all()) == [first]
    assert Signature.objects.get().name == "A"
    assert Signature.objects.get().country == "KR"


def test_the_database_refuses_a_second_row_for_the_same_person(petition):
    values = {"petition": petition, "name": "A", "email": "a@x.org", "country": "KR"}
    Signature.objects.create(normalised_email="a@x.org", token_nonce="1", **values)
    with pytest.raises(IntegrityError):
        Signature.objects.create(normalised_email="a@x.org", token_nonce="2", **values)


def test_repeated_submissions_cannot_flood_someones_inbox(client, petition, on_commit, settings):
    settings.SIGNING_MAIL_LIMIT = (3, 3600)
    for _ in range(6):
        sign(client, petition, on_commit, email="target@example.org")
    assert len(mail.outbox) == 3


def test_resending_the_link_shows_the_same_page_whoever_asks(client, petition, on_commit):
    sign(client, petition, on_commit, email="pending@example.org")
    url = f"/petitions/{petition.slug}/resend/"
    assert client.get(url).status_code == 200
    with on_commit():
        known = client.post(url, {"email": "pending@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["pending@example.org"], ["pending@example.org"]]


def test_resend_form_errors_are_in_plain_words(client, petition):
    response = client.post(f"/petitions/{petition.slug}/resend/", {"email": "nope"})
    assert "Please enter an email address like name@example.com." in response.content.decode()


def test_the_sign_petition_service_makes_one_row_and_mails_each_time(petition, on_commit):
    data = {"name": "Mina", "email": "mina@example.org", "country": "KR"}
    with on_commit():
        signatures.sign_petition(petition, data, {})
        signatures.sign_petition(petition, data, {})
    assert Signature.objects.count() == 1
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Please confirm your signature"] * 2
