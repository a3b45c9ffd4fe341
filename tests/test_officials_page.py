"""The accountability page: every office, the letters written to it, and its answers."""

from datetime import date

import pytest

from campaign.models import Letter, OfficialResponse
from tests.factories import make_official

pytestmark = pytest.mark.django_db


def test_officials_page_lists_offices_with_letters_and_responses(client):
    minister = make_official("Minister of Unification", organisation="MOU",
                             category="south_korea_government")  # fmt: skip
    ambassador = make_official()
    make_official("Retired office", organisation="Gone", active=False)
    for n in range(3):
        Letter.objects.create(official=minister, language="ko", key=f"k{n}")
    OfficialResponse.objects.create(
        official=minister,
        date=date(2026, 3, 1),
        kind=OfficialResponse.Kind.STATEMENT,
        summary="The ministry said it raised the issue with Beijing.",
        link="https://example.org/statement",
    )
    response = client.get("/officials/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 letters written to this office" in html
    assert "0 letters written to this office" in html
    assert "The ministry said it raised the issue with Beijing." in html
    assert "Public statement" in html
    assert 'href="https://example.org/statement"' in html
    assert "No reply or public statement recorded yet." in html
    assert "Retired office" not in html
    assert f'href="/letters/?official={ambassador.pk}"' in html
    assert html.index("The Chinese government") < html.index("The South Korean government")


def test_officials_page_is_reachable_by_name(client):
    from django.urls import reverse

    assert reverse("officials") == "/officials/"
    assert reverse("letters_start") == "/letters/"


def test_editors_curate_officials_and_their_responses_in_the_admin(admin_client):
    official = make_official(needs_check=True)
    Letter.objects.create(official=official, language="en", key="k")
    changelist = admin_client.get("/admin/campaign/official/?needs_check__exact=1&q=Ambassador")
    assert changelist.status_code == 200
    assert "Ambassador of China" in changelist.content.decode()
    change = admin_client.get(f"/admin/campaign/official/{official.pk}/change/")
    html = change.content.decode()
    assert "Demo record: an editor must verify the contact details." in html
    assert "responses-TOTAL_FORMS" in html
    assert admin_client.get("/admin/campaign/letter/").status_code == 200


def test_navigation_links_to_the_letter_writer(client):
    assert 'href="/letters/"' in client.get("/").content.decode()
