"""A briefing read in Korean: the editorial stays marked as English, the site's labels as Korean."""

import pytest
from django.utils import translation

from articles.models import TalkingPoint
from articles.rendering import render_body
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

CALL = "China must stop sending defectors back."


@pytest.fixture
def briefing(briefing_factory, fake_extractor):
    briefing = briefing_factory(body=f"Some context. {CALL}", slug="humane-china")
    refresh_talking_points(
        briefing, extract=fake_extractor({CALL: ("china", "stop sending them back", 0.9)})
    )
    TalkingPoint.objects.update(status="approved")
    return briefing


def test_labels_inside_the_body_carry_their_own_language():
    attributes = {"id": "cta-1", "label": "행동 촉구:", "after": ("/l/", "편지"), "ui_lang": "ko"}
    html = render_body("Act now.", [(0, 8, attributes)])
    assert html == (
        '<p><mark id="cta-1"><span class="visually-hidden" lang="ko">행동 촉구: </span>Act now.'
        '</mark> <a class="mark-link" href="/l/" lang="ko" aria-describedby="cta-1">편지</a></p>'
    )


def test_a_korean_reader_gets_korean_labels_in_an_english_editorial(client, briefing):
    with translation.override("ko"):
        korean_address = briefing.get_absolute_url()
    assert korean_address == "/ko/briefings/humane-china/"
    page = client.get(korean_address).content.decode()
    assert '<html lang="ko">' in page
    assert '<div class="briefing__body" lang="en">' in page
    assert '<h1 id="briefing-title" lang="en">Humane China</h1>' in page
    assert '<span class="visually-hidden" lang="ko">행동 촉구: </span>' in page
    assert 'lang="ko" aria-describedby="cta-' in page
    assert "이 내용으로 편지 쓰기</a>" in page


def test_an_english_reader_gets_no_extra_language_marks(client, briefing):
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert '<span class="visually-hidden">Call to action: </span>' in page
    assert 'lang="ko"' not in page.split('<div class="briefing__body"')[1].split("</div>")[0]
