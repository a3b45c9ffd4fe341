"""The dashboard's numbers agree with the rows they summarise."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from articles.models import Briefing
from campaign.models import PaperTally, Signature
from campaign.moderation import dashboard
from campaign.roles import MODERATORS
from tests.factories import make_petition, make_signature, make_staff

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


def at(day, hour=12):
    return datetime(2026, 11, day, hour, tzinfo=SEOUL)


@pytest.fixture
def petition():
    petition = make_petition()
    Briefing.objects.create(title="Humane China", slug="humane-china", body="x")
    make_signature(petition, "A", confirmed_at=at(1), source="humane-china")
    make_signature(petition, "B", confirmed_at=at(1, 23), country="US", source="humane-china")
    make_signature(petition, "C", confirmed_at=at(3), country="US", source="gone-briefing")
    make_signature(petition, "D", state=Signature.State.PENDING)
    make_signature(petition, "E", confirmed_at=at(3), flagged=True)
    return petition


def test_signatures_per_day_fill_quiet_days_and_add_up_to_the_count(petition):
    series = dashboard.daily_signatures(petition)
    assert [(day.day, count, total) for day, count, total in series] == [
        (1, 2, 2),
        (2, 0, 2),
        (3, 1, 3),
    ]
    petition.refresh_from_db()
    assert series[-1][2] == petition.signature_count == 3


def test_countries_confirmation_and_briefings(petition):
    assert [(code, count) for code, _, count in dashboard.by_country(petition)] == [
        ("US", 2),
        ("KR", 1),
    ]
    # Confirmed of all given: A, B, C, E confirmed (E is held but confirmed), D pending.
    assert dashboard.confirmation(petition) == {"all": 5, "confirmed": 4, "rate": 0.8}
    top = dashboard.top_briefings(petition)
    assert [(b.slug if b else None, slug, n) for b, slug, n in top] == [
        ("humane-china", "humane-china", 2),
        (None, "gone-briefing", 1),
    ]


def test_the_dashboard_page_shows_the_chart_and_the_table(client, petition):
    PaperTally.objects.create(petition=petition, gathered_by="Stall", date=at(2).date(), count=40)
    client.force_login(make_staff("moderator", MODERATORS))
    response = client.get("/admin/dashboard/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('role="img" aria-labelledby="chart-') == 2
    assert '<title id="chart-daily-title">Signatures per day</title>' in page
    assert '<table id="table-daily">' in page
    assert '<dd id="figure-counted">3</dd>' in page
    assert '<dd id="figure-offline">40</dd>' in page
    assert "80% (4 / 5)" in page
    assert "Humane China" in page
    assert "United States" in page


def test_an_empty_site_has_a_dashboard_too(client):
    client.force_login(make_staff("moderator", MODERATORS))
    assert client.get("/admin/dashboard/").status_code == 200
    make_petition()
    assert "No confirmed signatures yet" in client.get("/admin/dashboard/").content.decode()


def test_a_petition_can_be_chosen(client, petition):
    other = make_petition(slug="other", title="Other petition")
    make_signature(other, "Z", confirmed_at=at(5) - timedelta(days=1))
    client.force_login(make_staff("moderator", MODERATORS))
    page = client.get(f"/admin/dashboard/?petition={other.pk}").content.decode()
    assert '<dd id="figure-counted">1</dd>' in page


def test_letters_are_counted_by_official_and_by_talking_point(client):
    from articles.models import TalkingPoint
    from campaign.models import Letter, Official

    ambassador = Official.objects.create(title="Ambassador", category="china", language="en")
    minister = Official.objects.create(title="Minister", category="china", language="en")
    stop = TalkingPoint.objects.create(ask="Stop the returns", addressee="china")
    for number, official in enumerate([ambassador, ambassador, minister]):
        letter = Letter.objects.create(official=official, language="en", key=f"k{number}")
        if official == ambassador:
            letter.talking_points.add(stop)
    assert dashboard.letters_by_official() == [(ambassador, 2), (minister, 1)]
    assert dashboard.letters_by_talking_point() == [(stop, 2)]
    client.force_login(make_staff("moderator", MODERATORS))
    page = client.get("/admin/dashboard/").content.decode()
    assert "Stop the returns" in page
