"""One mailbox, one signature: addresses are taken in the form mail is delivered to.

Django's mail code sends to a domain's ASCII (IDNA) form, in which fullwidth letters
become ASCII and soft hyphens and zero-width characters vanish, and it delivers a
quoted local part ("x"@d) to x@d. Every check (one signature per person, disposable
domains, the mails-per-address limit, trending domains) must see that one form.
"""

import importlib
import secrets
from pathlib import Path

import pytest
from django.core import mail

import campaign.migrations
from campaign.models import CountryTally, Signature
from campaign.moderation import services
from campaign.petition import rules, signatures
from tests.factories import make_petition, sign

pytestmark = pytest.mark.django_db

FULLWIDTH_E = "\uff45"  # ｅ
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"


@pytest.mark.parametrize(
    ("written", "delivered"),
    [
        ("mina@example.org", "mina@example.org"),
        ("  Mina@Example.ORG ", "Mina@example.org"),
        (f"mina@{FULLWIDTH_E}xample.org", "mina@example.org"),
        ("mina@bücher.de", "mina@xn--bcher-kva.de"),
        ("mina@XN--BCHER-KVA.de", "mina@xn--bcher-kva.de"),
    ],
)
def test_an_address_is_taken_as_mail_will_be_delivered_to_it(written, delivered):
    assert rules.delivery_address(written) == delivered


@pytest.mark.parametrize(
    "address",
    [
        '"mina"@example.org',  # delivered to mina@example.org: refused, not a second signer
        f"mina@exa{SOFT_HYPHEN}mple.org",
        f"mina@exa{ZERO_WIDTH_SPACE}mple.org",
        "mina@[192.0.2.1]",
        "mina@localhost",
        "mina@example.org.",
        "mína@example.org",  # Django's mail code cannot deliver a non-ASCII local part
        "mina@example.test",
    ],
)
def test_addresses_that_cannot_be_delivered_as_written_are_refused(address):
    with pytest.raises(rules.UndeliverableAddress):
        rules.delivery_address(address)


def test_the_same_person_form_builds_on_the_delivered_form():
    assert rules.normalise_email(f"Mina+x@{FULLWIDTH_E}xample.org") == "mina@example.org"


def test_one_mailbox_written_three_ways_is_one_signer(client, petition, on_commit):
    for email in ("x@example.org", f"x@{FULLWIDTH_E}xample.org", "X@EXAMPLE.org"):
        assert sign(client, petition, on_commit, email=email).status_code == 302
    signature = Signature.objects.get()
    assert signature.email == "x@example.org"
    assert signature.normalised_email == "x@example.org"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        (f"x@exa{SOFT_HYPHEN}mple.org", "invisible"),
        (f"x@exa{ZERO_WIDTH_SPACE}mple.org", "invisible"),
        ('"x"@example.org', "like name@example.com"),
    ],
)
def test_the_form_refuses_tricks_with_a_plain_message(client, petition, on_commit, email, message):
    response = sign(client, petition, on_commit, email=email)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Signature.objects.exists()


def test_the_address_is_stored_as_delivered(client, petition, on_commit):
    sign(client, petition, on_commit, email="mina@bücher.de")
    signature = Signature.objects.get()
    assert signature.email == "mina@xn--bcher-kva.de"
    assert mail.outbox[0].to == ["mina@xn--bcher-kva.de"]


@pytest.mark.parametrize(
    "email",
    [
        "bot@mailinator.com",
        "bot@mailinator.com".replace("m", "\uff4d", 1),  # ｍailinator.com
        "bot@MAILINATOR.COM",
        "bot@eu.mailinator.com",
    ],
)
def test_disposable_domains_are_refused_however_they_are_written(
    client, petition, on_commit, email
):
    response = sign(client, petition, on_commit, email=email)
    assert "disposable email services" in response.content.decode()
    assert not Signature.objects.exists()


def test_the_mail_limit_counts_one_mailbox_written_differently(
    client, petition, on_commit, settings
):
    settings.SIGNING_MAIL_LIMIT = (3, 3600)
    variants = ["x@example.org", f"x@{FULLWIDTH_E}xample.org", "X@example.org",
                f"x@{FULLWIDTH_E}XAMPLE.org", "x+1@example.org"]
    for email in variants:
        sign(client, petition, on_commit, email=email)
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 3


def test_trending_domains_see_one_domain_however_it_is_written(client, petition, on_commit,
                                                                settings):
    settings.SIGNING_RATE_LIMITS = {"burst": (50, 60), "sustained": (50, 86400),
                                    "hard": (50, 600)}
    for n in range(4):
        sign(client, petition, on_commit, email=f"p{n}@{FULLWIDTH_E}xample.org")
        sign(client, petition, on_commit, email=f"q{n}@example.org")
    report = services.trending("hour", threshold=2)
    assert report["domains"] == [("example.org", 8)]


# The data migration ------------------------------------------------------------------

def migrate_addresses():
    """Run the data migration's function on the current models (its number may change
    when branches meet, so it is found by name)."""
    from django.apps import apps

    folder = Path(campaign.migrations.__file__).parent
    (path,) = folder.glob("*_signature_addresses_as_delivered.py")
    module = importlib.import_module(f"campaign.migrations.{path.stem}")
    module.addresses_as_delivered(apps, None)


def stored(petition, email, name="Ann Kim", country="KR", state="confirmed"):
    """A row as the old form stored it: the address as typed, lower-cased as its
    normalised form, confirmed the way the site confirms."""
    signature = Signature.objects.create(
        petition=petition, name=name, email=email, normalised_email=email.strip().lower(),
        country=country, token_nonce=secrets.token_hex(32), show_name=True,
    )
    if state == "confirmed":
        signatures.confirm_signature(signature.pk)
    signature.refresh_from_db()
    return signature


def test_the_migration_stores_every_address_as_delivered():
    petition = make_petition()
    plain = stored(petition, f"Mina@{FULLWIDTH_E}xample.org", name="Mina Park")
    migrate_addresses()
    plain.refresh_from_db()
    assert (plain.email, plain.normalised_email) == ("Mina@example.org", "mina@example.org")
    assert not plain.flagged


def test_the_migration_holds_duplicates_for_moderators_and_keeps_the_count_exact():
    petition = make_petition()
    other = make_petition()
    first = stored(petition, "x@example.org", name="Ann One", country="KR")
    soft = stored(petition, f"x@exa{SOFT_HYPHEN}mple.org", name="Ann Two", country="KR")
    wide = stored(petition, f"x@{FULLWIDTH_E}xample.org", name="Ann Three", country="JP")
    quoted = stored(petition, '"x"@example.org', name="Ann Four", state="pending")
    elsewhere = stored(other, f"x@exa{SOFT_HYPHEN}mple.org", name="Ann Five")
    petition.refresh_from_db()
    assert petition.signature_count == 3

    migrate_addresses()

    rows = {s.pk: s for s in Signature.objects.all()}
    assert not rows[first.pk].flagged
    assert rows[first.pk].normalised_email == "x@example.org"
    for duplicate in (soft, wide, quoted):
        held = rows[duplicate.pk]
        assert held.flagged, "held for a moderator, not deleted"
        assert f"#{first.pk}" in held.flag_reason and "same mailbox" in held.flag_reason
        assert held.normalised_email.endswith(":x@example.org")
        # The address as the signer wrote it stays, for the moderator to see.
        assert held.email == duplicate.email
    # The same mailbox on another petition is that petition's one signature.
    assert not rows[elsewhere.pk].flagged
    assert rows[elsewhere.pk].normalised_email == "x@example.org"
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert dict(CountryTally.objects.filter(petition=petition).values_list("country", "count")) \
        == {"KR": 1, "JP": 0}
    assert signatures.recount(petition.pk, fix=False).was_wrong is False
    # Found by moderators among the signatures held for moderation.
    assert Signature.objects.filter(flagged=True, flag_reason__contains="same mailbox").count() == 3


def test_the_migration_can_run_twice():
    petition = make_petition()
    stored(petition, "x@example.org")
    stored(petition, f"x@{FULLWIDTH_E}xample.org", name="Ann Two")
    migrate_addresses()
    before = list(Signature.objects.order_by("pk").values())
    migrate_addresses()
    assert list(Signature.objects.order_by("pk").values()) == before
