"""Briefing pages mark the approved calls to action and offer to use them in a letter."""

import pytest
from django.urls import reverse

from articles.models import Citation, TalkingPoint
from articles.rendering import render_body
from articles.talking_points import refresh_talking_points

pytestmark = pytest.mark.django_db

APPROVED = "China must stop sending <defectors> back."
SUGGESTED = "Seoul should say more."
BODY = f"## What to do\n\nSome context. {APPROVED}\n\n- {SUGGESTED}\n- Plain item."
CALLS = {
    APPROVED: ("china", "stop sending defectors back", 0.9),
    SUGGESTED: ("south_korea_government", "say more", 0.5),
}


@pytest.fixture
def briefing(briefing_factory, fake_extractor):
    briefing = briefing_factory(body=BODY, slug="humane-china")
    refresh_talking_points(briefing, extract=fake_extractor(CALLS))
    TalkingPoint.objects.filter(addressee="china").update(status="approved")
    return briefing


def test_only_approved_calls_are_marked_with_a_label_for_screen_readers(client, briefing):
    citation = Citation.objects.get(talking_point__addressee="china")
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert (
        f'<mark id="cta-{citation.pk}" class="cta"><span class="visually-hidden">Call to action: '
        "</span>China must stop sending &lt;defectors&gt; back.</mark>"
    ) in page
    assert page.count('class="cta"') == 1
    assert "<li>Seoul should say more.</li>" in page
    assert "calls to action: what this editorial asks someone to do" in page


def test_a_page_without_approved_calls_shows_no_legend(client, briefing):
    TalkingPoint.objects.update(status="rejected")
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert "<mark" not in page.split('class="briefing__body"')[1]
    assert "cta-legend" not in page


def test_each_marked_call_links_to_a_letter_with_that_point(client, briefing):
    citation = Citation.objects.get(talking_point__addressee="china")
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert (
        f'</mark> <a class="mark-link" href="/letters/?point={citation.talking_point_id}" '
        f'aria-describedby="cta-{citation.pk}">Use this in a letter</a>'
    ) in page


def test_highlights_cost_one_query_however_many_there_are(client, briefing_factory, fake_extractor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def page_queries(count):
        body = "\n\n".join(f"Sentence {count}-{n} asks China to act." for n in range(count))
        table = {
            f"Sentence {count}-{n} asks China to act.": ("china", f"act in way {count}-{n}", 0.9)
            for n in range(count)
        }
        briefing = briefing_factory(body=body, slug=f"briefing-{count}")
        refresh_talking_points(briefing, extract=fake_extractor(table))
        TalkingPoint.objects.update(status="approved")
        with CaptureQueriesContext(connection) as queries:
            page = client.get(briefing.get_absolute_url()).content.decode()
        assert page.count('class="cta"') == count
        return len(queries)

    # The page around the text (take-action panel, petition box) costs what it
    # costs; the highlights themselves are one query however many there are.
    assert page_queries(8) == page_queries(1)


def test_rendered_links_and_labels_are_escaped():
    html = render_body(
        "Do <this> now.",
        [(0, 14, {"id": "cta-1", "label": "<Call>", "after": ('/l/?a="1"', "<Use>")})],
    )
    assert html == (
        '<p><mark id="cta-1"><span class="visually-hidden">&lt;Call&gt; </span>'
        "Do &lt;this&gt; now.</mark> "
        '<a class="mark-link" href="/l/?a=&quot;1&quot;" aria-describedby="cta-1">&lt;Use&gt;</a>'
        "</p>"
    )


def test_the_talking_points_page_is_in_the_navigation(client):
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("talking_points")}"' in page
