"""A supporter's email address never leaves the database, and their IP address never enters
it: only a keyed hash of it is stored."""

import re

import pytest
from conftest import link_from_mail, make_petition, sign, signature_form
from django.core import mail
from django.urls import NoReverseMatch, reverse

from campaign import abuse
from campaign.models import Signature

pytestmark = pytest.mark.django_db

EMAIL = "unique.supporter.x7q2@example.org"
LOCAL_PART = "unique.supporter.x7q2"

PUBLIC_URL_NAMES = ["home", "briefing_list", "petition_current", "talking_points", "officials",
                    "letters_start", "privacy"]


@pytest.fixture
def confirmed_signer(client, on_commit):
    petition = make_petition(slug="main-petition")
    sign(client, petition, on_commit, email=EMAIL, name="Sora Kim", show_name="on",
         comment="I have family there.")
    client.post(link_from_mail(mail.outbox[-1], "confirm"))
    Signature.objects.filter(email=EMAIL).update(comment_state=Signature.CommentState.APPROVED)
    signature = Signature.objects.get(email=EMAIL)
    assert signature.is_counted
    return signature


def public_urls(petition):
    for name in PUBLIC_URL_NAMES:
        try:
            yield reverse(name)
        except NoReverseMatch:
            continue
    for name in ["petition_detail", "petition_json", "petition_widget", "petition_count",
                 "signature_thanks", "petition_check_inbox"]:
        yield reverse(name, args=[petition.slug])


def test_a_signers_email_appears_on_no_public_page_or_api(client, confirmed_signer):
    fetched = []
    for url in public_urls(confirmed_signer.petition):
        # A fresh visitor, not the signer's own session.
        response = client.__class__().get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert LOCAL_PART not in content, url
        assert LOCAL_PART.replace(".", "&#46;") not in content, url
        fetched.append(url)
    assert len(fetched) >= 8


def test_the_signers_public_name_is_shortened(client, confirmed_signer):
    page = client.get(confirmed_signer.petition.get_absolute_url()).content.decode()
    assert "Sora K." in page
    assert "Sora Kim" not in page


def test_the_ip_address_is_stored_only_as_a_keyed_hash(client, settings):
    petition = make_petition()
    client.post(petition.get_absolute_url(), signature_form(), REMOTE_ADDR="203.0.113.77")
    stored = Signature.objects.get().ip_hash
    assert stored
    assert "203.0.113.77" not in stored
    assert re.fullmatch(r"[0-9a-f]{64}", stored)
    assert stored == abuse.hash_ip("203.0.113.77")
    # Without the secret the hash cannot be recomputed from a list of addresses.
    settings.IP_HASH_SALT = "another secret"
    assert abuse.hash_ip("203.0.113.77") != stored


def test_no_column_of_a_signature_holds_the_ip_address(client):
    petition = make_petition()
    client.post(petition.get_absolute_url(), signature_form(), REMOTE_ADDR="198.51.100.23")
    row = Signature.objects.values().get()
    assert not [field for field, value in row.items() if "198.51.100.23" in str(value)]
