"""Share cards as link previews see them: the page names its card, the card shows
the count, and serving it stays cheap (a stale card, redrawn by a task)."""

import io
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from PIL import Image

from campaign.petition import cards, pictures
from tests.factories import create_briefing, make_petition, make_signature

pytestmark = pytest.mark.django_db

# What Telegram's and KakaoTalk's link previewers send: no cookies, their own agent.
CRAWLER = {"HTTP_USER_AGENT": "TelegramBot (like TwitterBot)"}


def meta(html, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    assert match, f"no {name} in the page"
    return match.group(1)


def fetch_card(client, page_url, **headers):
    """What a crawler does: read the page, then fetch the image it names."""
    html = client.get(page_url, **CRAWLER, **headers).content.decode()
    image_url = meta(html, "og:image")
    assert image_url.startswith(settings.SITE_URL + "/")
    return client.get(image_url.removeprefix(settings.SITE_URL), **CRAWLER)


def expected_card(petition, count, goal_label, count_label="signatures"):
    return cards.draw_share_card(
        title=petition.title,
        count=count,
        goal=100,
        campaign=settings.SITE_NAME,
        count_text=f"{count:,}",
        count_label=count_label,
        goal_label=goal_label,
        font_files=cards.find_font_files(),
    )


def sign(petition, count):
    for n in range(count):
        make_signature(petition, email=f"signer{petition.signature_count + n}@example.org")
    petition.refresh_from_db()


@pytest.fixture
def tasks_wait(settings):
    """A task queue that keeps what is enqueued instead of running it, as a real
    queue does while the request is being answered."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend


def test_a_chat_apps_crawler_gets_a_1200_by_630_card_with_the_current_count(client, petition):
    sign(petition, 3)
    response = fetch_card(client, petition.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert response.content == expected_card(
        petition, 3, "Next milestone: 100 signatures. Goal: 10,000."
    )
    # It is that count's card and no other's.
    assert response.content != expected_card(
        petition, 4, "Next milestone: 100 signatures. Goal: 10,000."
    )


def test_the_page_describes_its_card_for_previews_and_screen_readers(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:type") == "image/png"
    assert petition.title in meta(html, "og:image:alt")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:locale") == "en_US"


def test_a_korean_page_names_the_korean_card(client, petition):
    sign(petition, 2)
    # The Korean page is at /ko/.
    with translation.override("ko"):
        korean_page = petition.get_absolute_url()
    html = client.get(korean_page).content.decode()
    assert meta(html, "og:locale") == "ko_KR"
    assert meta(html, "og:image").endswith(f"/petitions/{petition.slug}/card/ko.png")
    response = fetch_card(client, korean_page)
    assert response.content == expected_card(
        petition, 2, "중간 목표: 100명. 최종 목표: 10,000명.", count_label="명이 서명했습니다"
    )


def test_a_briefing_page_shows_the_current_petitions_card(client):
    petition = make_petition(is_current=True)
    briefing = create_briefing()
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert meta(html, "og:image") == (
        f"{settings.SITE_URL}/petitions/{petition.slug}/card/en.png"
    )
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:type") == "article"


def test_a_stale_card_is_served_while_a_task_redraws_it_at_most_once_a_minute(
    client, petition, tasks_wait, monkeypatch
):
    url = f"/petitions/{petition.slug}/card/en.png"
    sign(petition, 3)
    first = client.get(url).content  # the first card: drawn by this request
    drawn = []
    monkeypatch.setattr(cards, "draw_share_card", lambda **kw: drawn.append(kw) or b"new")

    sign(petition, 1)
    # Within the minute after a drawing, the card stays as it is: nothing is queued.
    assert client.get(url).content == first
    assert tasks_wait.results == []

    # A minute later (the lock has lapsed) the stale card is served once more and
    # a redraw is queued, once however many ask; the request itself draws nothing.
    cache.delete(f"share-card:{petition.pk}:en:redrawn")
    assert client.get(url).content == first
    assert client.get(url).content == first
    assert drawn == []
    assert [(r.task.name, r.args) for r in tasks_wait.results] == [
        ("redraw_share_card", [petition.pk, "en"])
    ]

    # The worker runs the task; from then on the card shows the new count.
    pictures.redraw_share_card.call(petition.pk, "en")
    assert [kw["count"] for kw in drawn] == [4]
    assert client.get(url).content == b"new"


def test_requests_during_the_first_drawing_get_the_plain_card(client, petition):
    cache.add(f"share-card:{petition.pk}:en:drawing", 1, 30)  # another request is drawing
    response = client.get(f"/petitions/{petition.slug}/card/en.png")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/share-card.png"
    assert "no-cache" in response["Cache-Control"]


def test_a_card_is_cacheable_for_a_minute_and_revalidated_by_etag(client, petition):
    url = f"/petitions/{petition.slug}/card/en.png"
    response = client.get(url)
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # An image is not compressed again on the way out.
    assert "Content-Encoding" not in client.get(url, HTTP_ACCEPT_ENCODING="gzip")


def test_an_editors_new_title_reaches_the_card(client, petition, settings):
    url = f"/petitions/{petition.slug}/card/en.png"
    before = client.get(url).content
    petition.title = "Safe passage for refugees"
    petition.save()
    cache.delete(f"share-card:{petition.pk}:en:redrawn")
    client.get(url)  # stale card served, redraw run by the (immediate) test queue
    after = client.get(url).content
    assert after != before
    assert after == cards.draw_share_card(
        title="Safe passage for refugees", count=0, goal=100, campaign=settings.SITE_NAME,
        count_text="0", count_label="signatures",
        goal_label="Next milestone: 100 signatures. Goal: 10,000.",
        font_files=cards.find_font_files(),
    )  # fmt: skip


@pytest.mark.parametrize("path", ["card/fr.png", "card/en.jpg", "card/.png"])
def test_unknown_languages_and_formats_are_not_found(client, petition, path):
    assert client.get(f"/petitions/{petition.slug}/{path}").status_code == 404


def test_a_drafts_card_is_not_public(client):
    draft = make_petition(state="draft")
    assert client.get(f"/petitions/{draft.slug}/card/en.png").status_code == 404


def test_the_card_is_not_part_of_the_pages_first_view(client, petition):
    # Only previews fetch it: the page itself never loads it.
    html = client.get(petition.get_absolute_url()).content.decode()
    assert html.count("/card/en.png") == 1
    assert 'content="http://127.0.0.1:8000/petitions/' in html
    assert not re.search(r'<img[^>]+card/en\.png', html)
