"""The public figures: live counter, JSON, the embeddable widget and the QR code."""

import pytest

from campaign.models import Petition
from tests.factories import make_petition, make_signature

pytestmark = pytest.mark.django_db


def test_the_counter_fragment_is_small_and_cacheable(client, petition):
    make_signature(petition, email="a@example.org")
    response = client.get(f"/petitions/{petition.slug}/count/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "<strong>1</strong> signature" in html
    assert "<progress" in html
    assert "public" in response["Cache-Control"] and "max-age=5" in response["Cache-Control"]
    assert response["ETag"]
    assert response["Last-Modified"]


def test_the_counter_answers_304_until_the_count_changes(client, petition):
    first = client.get(f"/petitions/{petition.slug}/count/")
    etag = first["ETag"]
    again = client.get(f"/petitions/{petition.slug}/count/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""

    make_signature(petition, email="a@example.org")
    changed = client.get(f"/petitions/{petition.slug}/count/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_counter_also_honours_if_modified_since(client, petition):
    first = client.get(f"/petitions/{petition.slug}/count/")
    again = client.get(
        f"/petitions/{petition.slug}/count/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert again.status_code == 304


def test_the_petition_page_polls_the_counter_in_a_polite_live_region(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    assert 'aria-live="polite"' in html
    assert f'hx-get="/petitions/{petition.slug}/count/"' in html
    assert 'hx-trigger="every 15s"' in html


def test_progress_shows_the_next_milestone_once_the_goal_is_passed(client):
    petition = make_petition(goal=2)
    for n in range(3):
        make_signature(petition, email=f"s{n}@example.org")
    html = client.get(f"/petitions/{petition.slug}/count/").content.decode()
    assert "Goal of 2 reached. Next goal: 100 signatures." in html
    assert 'max="100" value="3"' in html


def test_progress_fills_towards_the_next_milestone_before_the_goal(client, petition):
    for n in range(10):
        make_signature(petition, email=f"s{n}@example.org")
    html = client.get(f"/petitions/{petition.slug}/count/").content.decode()
    # Ten of a hundred, not ten of ten thousand: the bar is not all but empty.
    assert 'max="100" value="10"' in html
    assert "Next milestone: 100 signatures. Goal: 10,000." in html


def test_the_json_endpoint_gives_the_public_figures(client, petition):
    make_signature(petition, email="a@example.org", country="KR")
    make_signature(petition, email="b@example.org", country="KR")
    make_signature(petition, email="c@example.org", country="JP")
    make_signature(petition, email="d@example.org", country="US", state="pending")
    response = client.get(f"/petitions/{petition.slug}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["title"] == petition.title
    assert data["state"] == "open"
    assert data["goal"] == 10_000
    assert data["signature_count"] == 3
    assert data["signatures_by_country"] == {"KR": 2, "JP": 1}
    assert list(data["signatures_by_country"]) == ["KR", "JP"], "largest first"
    assert data["updated_at"]


def test_the_country_table_lists_the_largest_first(client, petition):
    make_signature(petition, email="a@example.org", country="JP")
    make_signature(petition, email="b@example.org", country="KR")
    make_signature(petition, email="c@example.org", country="KR")
    html = client.get(petition.get_absolute_url()).content.decode()
    assert html.index("South Korea") < html.index("Japan")


def test_the_widget_may_be_framed_and_has_no_site_chrome(client, petition):
    make_signature(petition, email="a@example.org")
    response = client.get(f"/petitions/{petition.slug}/widget/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "site-header" not in html and "<nav" not in html
    assert "<strong>1</strong> signature" in html
    # The link says where the signer came from (the dashboard counts it).
    assert f'href="http://127.0.0.1:8000/petitions/{petition.slug}/?ref=widget"' in html
    assert 'target="_blank"' in html


def test_other_pages_still_refuse_framing(client, petition):
    response = client.get(petition.get_absolute_url())
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_qr_code_is_an_svg_of_the_petition_address(client, petition):
    response = client.get(f"/petitions/{petition.slug}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert b"style=" not in response.content


def test_a_paused_petition_reports_its_state(client):
    petition = make_petition(state=Petition.State.PAUSED)
    assert client.get(f"/petitions/{petition.slug}.json").json()["state"] == "paused"
    assert "Read the petition" in client.get(f"/petitions/{petition.slug}/widget/").content.decode()


def test_the_qr_code_is_drawn_once_and_again_when_the_petition_changes(client, monkeypatch):
    import segno

    from campaign.petition import views

    drawn = []
    original = segno.make

    def counted(*args, **kwargs):
        drawn.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(views.segno, "make", counted)
    petition = make_petition(slug="qr-cached")
    first, second = (client.get("/petitions/qr-cached/qr.svg") for _ in range(2))
    assert first.content == second.content
    assert len(drawn) == 1
    petition.title = "A new title"
    petition.save()
    assert b"A new title" in client.get("/petitions/qr-cached/qr.svg").content
    assert len(drawn) == 2
