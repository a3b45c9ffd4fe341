"""Signatures gathered on paper and by partners are shown apart from the online count."""

import pytest
from django.contrib.admin.models import LogEntry
from django.template.loader import render_to_string

from campaign.models import PaperTally
from campaign.roles import MODERATORS
from tests.factories import make_petition, make_signature, make_staff

pytestmark = pytest.mark.django_db


def test_a_moderator_enters_a_tally_in_the_admin(client):
    petition = make_petition()
    moderator = make_staff("moderator", MODERATORS)
    client.force_login(moderator)
    response = client.post(
        "/admin/campaign/papertally/add/",
        {
            "petition": petition.pk,
            "source": "paper",
            "gathered_by": "Seoul street stall",
            "date": "2026-11-20",
            "count": "1200",
            "note": "Forms in the office safe",
        },
    )
    assert response.status_code == 302
    tally = PaperTally.objects.get()
    assert tally.created_by == moderator
    assert LogEntry.objects.filter(object_id=str(tally.pk)).exists()


def test_tallies_are_shown_labelled_and_never_added_to_the_online_count():
    petition = make_petition()
    make_signature(petition)
    PaperTally.objects.create(petition=petition, gathered_by="Stall", date="2026-11-01", count=700)
    PaperTally.objects.create(
        petition=petition, source="partner", gathered_by="Partner", date="2026-11-02", count=500
    )
    petition.refresh_from_db()
    assert petition.signature_count == 1
    html = render_to_string("campaign/offline_signatures.html", {"petition": petition})
    assert "plus 1,200 signatures collected on paper and by partners" in " ".join(html.split())


def test_no_line_is_shown_without_tallies():
    petition = make_petition()
    html = render_to_string("campaign/offline_signatures.html", {"petition": petition})
    assert html.strip() == ""


def test_the_petition_page_shows_the_tallies_beside_the_online_count(client):
    petition = make_petition()
    make_signature(petition)
    PaperTally.objects.create(petition=petition, gathered_by="Stall", date="2026-11-01", count=1200)
    page = " ".join(client.get(petition.get_absolute_url()).content.decode().split())
    assert "<strong>1</strong> signature" in page
    assert "plus 1,200 signatures collected on paper and by partners" in page


def test_a_tally_saved_shows_at_once_on_a_petition_page_kept_for_everyone(client, kept_parts):
    clock = kept_parts
    petition = make_petition()
    client.cookies["sessionid"] = "x"  # a page rendered for this visitor, not a shared one
    assert "collected on paper" not in client.get(petition.get_absolute_url()).content.decode()
    PaperTally.objects.create(petition=petition, gathered_by="Stall", date="2026-11-01", count=700)
    clock["now"] += 1  # past this worker's own one-second copy
    assert "plus 700 signatures" in client.get(petition.get_absolute_url()).content.decode()
