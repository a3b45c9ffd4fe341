"""load_demo approves the points it has just suggested, once, and never an editor's choice."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles import demo
from articles.models import Citation, TalkingPoint
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db


def rows():
    points = TalkingPoint.objects.values_list("pk", "ask", "ask_ko", "status", "addressee")
    citations = Citation.objects.values_list("pk", "talking_point", "briefing", "start", "end")
    return sorted(points), sorted(citations)


def test_load_demo_twice_gives_the_same_talking_points():
    call_command("load_demo", stdout=StringIO())
    first = rows()
    output = StringIO()
    call_command("load_demo", stdout=output)

    assert rows() == first
    assert "Talking points: 0 newly suggested ones approved" in output.getvalue()
    approved = TalkingPoint.objects.approved()
    assert approved.exists()
    assert all(point.score >= demo.DEMO_APPROVAL_SCORE for point in approved)
    assert TalkingPoint.objects.filter(status="suggested").exists()  # left for the editors


def test_the_demo_never_touches_points_editors_have_seen(briefing_factory, fake_extractor):
    briefing = briefing_factory(body="China should act now. Seoul should act too.")
    extract = fake_extractor(
        {
            "China should act now.": ("china", "act now", 0.95),
            "Seoul should act too.": ("south_korea_government", "act too", 0.95),
        }
    )
    refresh_talking_points(briefing, extract=extract)
    TalkingPoint.objects.filter(addressee="china").update(status="rejected")
    since = demo.newest_point_id()
    assert demo.approve_new_points(since) == 0
    assert set(TalkingPoint.objects.values_list("status", flat=True)) == {"rejected", "suggested"}


def test_demo_approval_fills_korean_asks_it_knows_and_only_those():
    since = demo.newest_point_id()
    known = TalkingPoint.objects.create(
        ask=(
            "Put an end to your merciless policy of cracking down on North Korean defectors "
            "by forcing their repatriation."
        ),
        addressee="china",
        score=0.9,
    )
    unknown = TalkingPoint.objects.create(ask="Something new", addressee="china", score=0.9)
    weak = TalkingPoint.objects.create(ask="Maybe this", addressee="china", score=0.2)

    assert demo.approve_new_points(since) == 2

    for point in (known, unknown, weak):
        point.refresh_from_db()
    assert known.ask_ko == (
        "탈북자들을 단속해 강제로 북송하는 귀국의 무자비한 정책을 중단해 주십시오"
    )
    assert (unknown.status, unknown.ask_ko) == ("approved", "")
    assert weak.status == "suggested"
