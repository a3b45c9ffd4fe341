"""Bursts of signatures from one hashed address or one email domain stand out."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.models import Signature
from campaign.moderation import services as moderation
from campaign.roles import MODERATORS
from tests.factories import make_petition, make_signature, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def burst():
    petition = make_petition()
    for n in range(12):
        make_signature(petition, f"Bot {n}", email=f"bot{n}@spam.example", ip_hash="a" * 64)
    for n in range(3):
        make_signature(petition, f"Person {n}", email=f"p{n}@mail.example", ip_hash=f"{n}" * 64)
    return petition


def test_an_address_and_a_domain_above_the_threshold_are_reported(burst):
    report = moderation.trending("hour", threshold=10)
    assert report["ips"] == [("a" * 64, 12)]
    assert report["domains"] == [("spam.example", 12)]


def test_old_signatures_do_not_trend(burst):
    Signature.objects.update(created_at=timezone.now() - timedelta(hours=2))
    report = moderation.trending("hour", threshold=10)
    assert report["ips"] == [] and report["domains"] == []
    assert moderation.trending("day", threshold=10)["ips"] == [("a" * 64, 12)]


def test_the_trending_page_links_to_the_filtered_signature_list(client, burst):
    client.force_login(make_staff("moderator", MODERATORS))
    page = client.get(
        "/admin/campaign/signature/trending/?window=day&threshold=10"
    ).content.decode()
    assert "?domain=spam.example&amp;signed_within=day" in page
    listing = client.get("/admin/campaign/signature/?domain=spam.example&signed_within=day")
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 12
    by_ip = client.get(f"/admin/campaign/signature/?ip={'a' * 64}")
    assert by_ip.context["cl"].result_count == 12


def test_signatures_can_be_searched_by_email_and_filtered(client, burst):
    client.force_login(make_staff("moderator", MODERATORS))
    found = client.get("/admin/campaign/signature/?q=p1@mail.example")
    assert found.context["cl"].result_count == 1
    filtered = client.get("/admin/campaign/signature/?country__exact=KR&flagged__exact=0")
    assert filtered.context["cl"].result_count == 15


def test_the_signature_list_links_to_the_trending_page(client, moderator):
    page = client.get("/admin/campaign/signature/").content.decode()
    assert 'href="/admin/campaign/signature/trending/"' in page
