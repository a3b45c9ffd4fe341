"""Bots and floods: held for moderation quietly, refused only beyond a hard limit."""


import pytest
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory

from campaign.lib import clients
from campaign.models import Signature
from tests.factories import form_started, sign, signature_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_the_honeypot_holds_the_signature_but_the_bot_sees_the_usual_page(
    client, petition, on_commit
):
    response = sign(client, petition, on_commit, website="http://spam.example")
    assert response["Location"] == f"/petitions/{petition.slug}/check-inbox/"
    signature = Signature.objects.get()
    assert signature.flagged
    assert "honeypot" in signature.flag_reason
    assert len(mail.outbox) == 1, "the same mail as anyone, so nothing gives it away"


@pytest.mark.parametrize(
    ("started", "reason"),
    [
        (lambda: form_started(seconds_ago=0), "too fast"),
        (lambda: "", "missing or tampered"),
        (lambda: form_started(seconds_ago=60)[:-2] + "xx", "missing or tampered"),
    ],
)
def test_a_form_sent_back_too_fast_or_without_its_timestamp_is_held(
    client, petition, on_commit, started, reason
):
    sign(client, petition, on_commit, started=started())
    signature = Signature.objects.get()
    assert signature.flagged
    assert reason in signature.flag_reason


def test_a_human_paced_signature_is_not_held(client, petition, on_commit):
    sign(client, petition, on_commit)
    assert not Signature.objects.get().flagged


def test_a_burst_from_one_address_is_held_then_a_flood_is_refused(
    client, petition, on_commit, settings
):
    settings.SIGNING_RATE_LIMITS = {"burst": (3, 60), "sustained": (50, 86400), "hard": (6, 600)}
    statuses = []
    for n in range(8):
        statuses.append(sign(client, petition, on_commit, email=f"p{n}@example.org").status_code)
    assert statuses == [302] * 6 + [429] * 2
    refused = sign(client, petition, on_commit, email="p9@example.org")
    assert "Please wait a few minutes, then try again." in refused.content.decode()
    held = Signature.objects.filter(flagged=True).values_list("email", flat=True)
    assert sorted(held) == ["p3@example.org", "p4@example.org", "p5@example.org"]
    assert Signature.objects.count() == 6


def test_the_sustained_limit_holds_signatures_too(client, petition, on_commit, settings):
    settings.SIGNING_RATE_LIMITS = {"burst": (50, 60), "sustained": (2, 86400), "hard": (50, 600)}
    for n in range(3):
        sign(client, petition, on_commit, email=f"p{n}@example.org")
    assert Signature.objects.get(email="p2@example.org").flag_reason == "rate: sustained"


def test_a_forged_x_forwarded_for_does_not_escape_the_limit(client, petition, on_commit, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.SIGNING_RATE_LIMITS = {"burst": (2, 60), "sustained": (50, 86400), "hard": (50, 600)}
    for n in range(3):
        with on_commit():
            client.post(
                petition.get_absolute_url(),
                signature_form(email=f"p{n}@example.org"),
                HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
            )
    assert Signature.objects.get(email="p2@example.org").flagged
    assert len(set(Signature.objects.values_list("ip_hash", flat=True))) == 1


def test_behind_one_proxy_the_client_is_the_rightmost_forwarded_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert clients.client_ip(request) == "203.0.113.7"


def test_behind_two_proxies_the_client_is_second_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.1"
    )
    assert clients.client_ip(request) == "203.0.113.7"


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert clients.client_ip(request) == "198.51.100.4"


def test_a_short_header_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert clients.client_ip(request) == "10.0.0.2"


def test_addresses_are_stored_only_as_keyed_hashes(client, petition, on_commit, settings):
    sign(client, petition, on_commit)
    stored = Signature.objects.get().ip_hash
    assert len(stored) == 64 and "127.0.0.1" not in stored
    assert stored == clients.hash_ip("127.0.0.1")
    settings.IP_HASH_SALT = "another-secret"
    assert clients.hash_ip("127.0.0.1") != stored


def test_disposable_email_addresses_are_refused(client, petition, on_commit):
    response = sign(client, petition, on_commit, email="someone@mailinator.com")
    assert "disposable email services" in response.content.decode()
    assert Signature.objects.count() == 0


@pytest.mark.parametrize(
    "name",
    [
        "=HYPERLINK(1)",
        "+cmd",
        "-1+2",
        "@SUM(A1)",
        "Buy at http://spam.example",
        "visit www.spam.example",
        "spam.com",
    ],
)
def test_names_with_links_or_spreadsheet_formulas_are_refused(client, petition, on_commit, name):
    response = sign(client, petition, on_commit, name=name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please write your name without web addresses." in html or (
        "Please start your name with a letter." in html
    )
    assert Signature.objects.count() == 0


def test_overlong_input_gets_an_error_not_a_crash(client, petition, on_commit):
    response = sign(client, petition, on_commit, name="x" * 500, comment="y" * 5000)
    assert response.status_code == 200
    assert "Ensure this value has at most" in response.content.decode()
    assert Signature.objects.count() == 0


def test_counting_in_the_cache_loses_no_hits():
    assert [clients.hit("rl:test", 60) for _ in range(5)] == [1, 2, 3, 4, 5]
