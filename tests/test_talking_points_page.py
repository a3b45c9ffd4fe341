"""The public /talking-points/ page: approved points by addressee, with their sources."""

import pytest
from django.urls import reverse

from articles.models import Citation, TalkingPoint

pytestmark = pytest.mark.django_db


def point(ask, addressee, status="approved", **fields):
    return TalkingPoint.objects.create(ask=ask, addressee=addressee, status=status, **fields)


def cite(talking_point, briefing, sentence):
    start = briefing.body.index(sentence)
    return Citation.objects.create(
        talking_point=talking_point,
        briefing=briefing,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
    )


def test_approved_points_are_grouped_by_addressee_china_first(client):
    point("Find ways to help defectors", "south_korea_government")
    point("Spread the word", "public")
    point("Stop the deportations", "china")
    point("A suggestion nobody reviewed", "china", status="suggested")
    point("A rejected idea", "china", status="rejected")

    page = client.get(reverse("talking_points")).content.decode()

    assert page.index("The Chinese government") < page.index("The South Korean government")
    assert page.index("The South Korean government") < page.index("The public")
    assert page.index("Stop the deportations") < page.index("Find ways to help defectors")
    assert "A suggestion nobody reviewed" not in page
    assert "A rejected idea" not in page
    assert "The North Korean authorities" not in page  # no empty groups


def test_each_point_links_to_the_sentences_it_comes_from(
    client, django_assert_max_num_queries, briefing_factory
):
    first = briefing_factory(body="Intro. China must stop the deportations.", slug="first")
    second = briefing_factory(body="China should not send them back.", slug="second")
    draft = briefing_factory(body="Draft text: stop it.", slug="draft", status="draft")
    stop = point("Stop the deportations", "china")
    one = cite(stop, first, "China must stop the deportations.")
    two = cite(stop, second, "China should not send them back.")
    cite(stop, draft, "stop it.")
    cite(point("Introduce yourself", "public"), first, "Intro.")
    for number in range(5):
        point(f"Extra point {number}", "china")

    with django_assert_max_num_queries(4):
        page = client.get(reverse("talking_points")).content.decode()

    assert f'href="/briefings/first/#cta-{one.pk}"' in page
    assert f'href="/briefings/second/#cta-{two.pk}"' in page
    assert "/briefings/draft/" not in page


def test_each_point_offers_to_use_it_in_a_letter(client):
    stop = point("Stop the deportations", "china")
    page = client.get(reverse("talking_points")).content.decode()
    assert f'href="/letters/?point={stop.pk}"' in page
    assert 'Use this in a letter<span class="visually-hidden">: Stop the deportations' in page


def test_the_korean_page_shows_the_korean_ask_when_there_is_one(client):
    point("Stop the deportations", "china", ask_ko="강제 송환을 중단하라")
    point("Spread the word", "public")
    page = client.get("/ko/talking-points/").content.decode()
    assert "강제 송환을 중단하라" in page
    assert "Spread the word" in page


def test_an_empty_page_says_nothing_is_approved_yet(client):
    page = client.get(reverse("talking_points")).content.decode()
    assert "No talking points have been approved yet." in page
