"""Signers' names: no web addresses, and nothing invisible.

A name is shown in the confirmation mail's greeting and, with consent, on the public
list, so "bit.ly/x2" or "evil。com" as a name is an advertisement. And characters that
show as nothing (zero-width spaces, soft hyphens) or reverse the text around them
(U+202E and the other direction controls) make a name look like another, in pages, the
admin, the CSV and the PDF. The form refuses the first and strips the second; what
shows a stored name strips them again, for rows written before or by other means.
"""

import csv
import io

import pytest
from pypdf import PdfReader

from campaign.models import Signature
from campaign.petition import rules, signatures
from campaign.petition.rules import name_problem
from tests.factories import make_petition, sign

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
INVISIBLE = [RLO, "\u202a", "\u2066", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u061c"]


@pytest.mark.parametrize(
    "name",
    [
        "bit.ly/x2",
        "evil。com",
        "evil．com",
        "ｅｖｉｌ．ｃｏｍ",
        "ftp://evil.de",
        "Visit https://evil.example now",
        "www.evil.example",
        "WWW。EVIL。COM",
        "mina@evil.example",
        "example.co.uk",
        "shop.xn--p1ai",
        "javascript:alert(1)",
        "mailto:me",
        "192.0.2.1",
        "Mina (evil.io)",
    ],
)
def test_names_that_look_like_web_addresses_are_refused(name):
    assert name_problem(name) == "url"


@pytest.mark.parametrize(
    "name",
    [
        "Mina Park",
        "김민준",
        "O'Brien-Smith",
        "Kim / Lee",
        "J.R.R. Tolkien",
        "Kim J.H.",
        "Dr. No",
        "A. B. Smith",
        "St. John Rivers",
        "Jean-Luc Picard",
        "Note: Ana",
        "Mary 2nd",
    ],
)
def test_ordinary_names_with_dots_and_colons_are_accepted(name):
    assert name_problem(name) is None


@pytest.mark.parametrize("name", ["＝1+1", "=cmd", "＋82 10", "@me"])
def test_names_that_start_like_a_formula_are_refused_in_any_width(name):
    assert name_problem(name) == "formula"


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_and_direction_characters_are_removed(char):
    assert rules.visible_text(f"Mi{char}na Park") == "Mina Park"


@pytest.mark.django_db
def test_the_form_refuses_a_web_address_as_a_name(client, petition, on_commit):
    response = sign(client, petition, on_commit, name="evil。com")
    assert "Please write your name without web addresses." in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_the_form_stores_a_name_without_invisible_characters(client, petition, on_commit):
    sign(client, petition, on_commit, name=f"Mina{RLO} Pa\u200brk\u2066")
    assert Signature.objects.get().name == "Mina Park"


@pytest.mark.django_db
def test_a_name_of_nothing_but_invisible_characters_is_missing(client, petition, on_commit):
    response = sign(client, petition, on_commit, name=f"{RLO}\u200b\u200d")
    assert "Please enter your name." in response.content.decode()
    assert not Signature.objects.exists()


# Defence in depth: a row stored with them anyway --------------------------------------

STORED = f"Mina{RLO}kraP Lee\u200b"
SHOWN = "MinakraP Lee"


@pytest.fixture
def stored(db):
    petition = make_petition()
    signature = Signature.objects.create(
        petition=petition, name=STORED, email="mina@example.org",
        normalised_email="mina@example.org", country="KR", show_name=True, token_nonce="1" * 64,
        comment="Free them.", comment_state=Signature.CommentState.APPROVED,
    )
    signatures.confirm_signature(signature.pk)
    return petition


def no_hidden_characters(text):
    return not any(char in text for char in INVISIBLE)


def test_the_public_page_shows_a_stored_name_without_them(client, stored):
    page = client.get(stored.get_absolute_url()).content.decode()
    assert "MinakraP L." in page
    assert no_hidden_characters(page)


def test_the_admin_lists_show_a_stored_name_without_them(client, moderator, stored):
    for url in ("/admin/campaign/signature/", "/admin/campaign/signaturecomment/",
                f"/admin/campaign/signature/{Signature.objects.get().pk}/change/"):
        page = client.get(url).content.decode()
        assert SHOWN in page, url
        assert no_hidden_characters(page), url


def test_the_exports_show_a_stored_name_without_them(client, moderator, stored):
    response = client.get(f"/admin/petitions/{stored.pk}/signatures.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(text))][1:] == ["MinakraP L."]
    response = client.get(f"/admin/petitions/{stored.pk}/delivery.pdf")
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "MinakraP L." in pdf
    assert no_hidden_characters(pdf)


@pytest.mark.django_db
def test_mail_greets_a_stored_name_without_them(on_commit):
    from django.core import mail

    petition = make_petition()
    signature = Signature.objects.create(
        petition=petition, name=STORED, email="mina@example.org",
        normalised_email="mina@example.org", country="KR", token_nonce="2" * 64,
    )
    with on_commit():
        signatures.send_confirmation(signature)
    assert f"Dear {SHOWN}," in mail.outbox[0].body
    assert no_hidden_characters(mail.outbox[0].body)
