"""Rate limits count an IPv6 client by its /64, the block one household or server gets.

Counted per address, one client could send each request from another of its 2^64
addresses and never reach a limit.
"""

import pytest
from django.core.cache import cache

from campaign.lib.clients import hash_ip, network
from campaign.models import Signature
from tests.factories import make_staff, signature_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("203.0.113.7", "203.0.113.7"),
        ("not an address", "not an address"),
        ("fe80::1%eth0", "fe80::/64"),
    ],
)
def test_an_address_is_counted_by_its_network(address, counted_as):
    assert network(address) == counted_as


def test_addresses_of_one_64_share_their_hash_and_others_do_not():
    assert hash_ip("2001:db8:1:2::1") == hash_ip("2001:db8:1:2:aaaa::9")
    assert hash_ip("2001:db8:1:2::1") != hash_ip("2001:db8:1:3::1")
    assert hash_ip("203.0.113.1") != hash_ip("203.0.113.2")


def test_signing_from_many_addresses_of_one_64_meets_the_burst_limit(
    client, petition, on_commit, settings
):
    settings.SIGNING_RATE_LIMITS = {"burst": (2, 60), "sustained": (50, 86400), "hard": (50, 600)}
    for n in range(4):
        with on_commit():
            client.post(
                petition.get_absolute_url(),
                signature_form(email=f"p{n}@example.org"),
                REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}",
            )
    held = sorted(Signature.objects.filter(flagged=True).values_list("email", flat=True))
    assert held == ["p2@example.org", "p3@example.org"]


def test_admin_sign_in_counts_a_64_as_one_address(client, settings):
    make_staff("mod", "Moderators")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "mod", "password": "wrong"},
                    REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}")
    response = client.post("/admin/login/", {"username": "mod", "password": "wrong"},
                           REMOTE_ADDR="2001:db8:1:2::99")
    assert "Too many failed sign-in attempts" in response.content.decode()
    elsewhere = client.post("/admin/login/",
                            {"username": "mod", "password": "a-long-staff-password"},
                            REMOTE_ADDR="2001:db8:1:3::1")
    assert elsewhere.status_code == 302
