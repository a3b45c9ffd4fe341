"""The briefing list and briefing pages: content, metadata, drafts."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from articles.models import Briefing

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorials():
    call_command("import_briefings", "articles/editorials", stdout=StringIO())


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="pw", is_staff=True, is_superuser=True
    )


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_list_shows_featured_first_then_the_editors_order(client, editorials):
    html = page(client, "/briefings/")
    titles = re.findall(r'<h2><a href="/briefings/[^"]+/">([^<]+)</a></h2>', html)
    assert titles == [
        "China resumes the forced repatriation of North Korean escapees",
        "Humane China",
        "China and defectors",
        "China&#x27;s plan to repatriate 35 North Korean defectors",
        "North Korean Defectors in China are facing repatriation to North Korea",
    ]


def test_list_cards_show_deck_publication_date_summary_and_reading_time(client, editorials):
    html = page(client, "/briefings/")
    assert "Beijing must stop repatriating N.K. defectors" in html
    assert (
        '<span class="meta__publication">The Korea Herald</span>, '
        '<time datetime="2014-07-28">July 28, 2014</time>'
    ) in html
    assert "urges Seoul to use its closer ties with Beijing" in html
    assert "-minute read" in html


def test_drafts_are_not_listed(client, briefing_factory):
    briefing_factory(status=Briefing.Status.DRAFT)
    assert "Humane China" not in page(client, "/briefings/")


def test_briefing_page_has_title_description_and_open_graph_tags(client, editorials):
    html = page(client, "/briefings/humane-china/")
    assert "<title>Humane China · Safe Passage</title>" in html
    assert '<meta name="description" content="After Chinese officials rounded up 29' in html
    assert '<meta property="og:title" content="Humane China">' in html
    assert '<meta property="og:description" content="After Chinese officials' in html
    assert '<meta property="og:type" content="article">' in html
    assert re.search(
        r'<meta property="og:url" content="https?://[^"]+/briefings/humane-china/">', html
    )
    assert '<meta property="article:published_time" content="2014-07-28">' in html
    assert 'og:type" content="website"' not in html


def test_briefing_page_shows_deck_meta_and_source_link(client, editorials):
    html = page(client, "/briefings/humane-china/")
    assert '<h1 id="briefing-title">Humane China</h1>' in html
    assert '<p class="deck">Beijing must stop repatriating N.K. defectors</p>' in html
    assert "2-minute read" in html
    assert (
        '<a href="http://www.koreaherald.com/view.php?ud=20140728000348" '
        'rel="noopener noreferrer">Read the original in The Korea Herald</a>'
    ) in html
    assert html.count("<p>") >= 9


def test_dates_follow_the_language(client, editorials):
    html = client.get("/ko/briefings/humane-china/").content.decode()
    assert "2014" in html and "July 28, 2014" not in html


def test_briefing_page_renders_headings_list_and_source_note(client, editorials):
    html = page(client, "/briefings/defectors-in-china-facing-repatriation/")
    assert "<h2>China is violating humanitarian principles</h2>" in html
    body = html.split('<div class="briefing__body">')[1].split("</div>")[0]
    assert body.count("<li>") == 5
    assert body.count("<h2>") == 5
    assert "<ul>\n<li>A group of South Korean lawmakers" in html
    assert '<p class="briefing__source-note">This paper referred to articles by' in html


def test_briefing_page_shows_the_photo_caption_apart_from_the_text(client, editorials):
    html = page(client, "/briefings/china-resumes-forced-repatriation/")
    caption = html.index("Picketing against the Chinese forced repatriation")
    assert caption < html.index('<div class="briefing__body">')
    assert "(Aug. 7. 2023)/News1</span></p>" in html


def test_take_action_panel_links_what_exists(client, editorials):
    html = page(client, "/briefings/humane-china/")
    assert '<h2 id="take-action-heading">Take action</h2>' in html
    try:
        petition = reverse("petition_current")
    except NoReverseMatch:
        petition = None
    if petition:
        assert f'href="{petition}?source=humane-china"' in html
    try:
        letters = reverse("letters_start")
    except NoReverseMatch:
        letters = None
    if letters:
        assert f'href="{letters}"' in html


def test_body_text_is_escaped(client, briefing_factory):
    briefing_factory(body='<script>alert("x")</script>', title="<b>T</b>")
    html = page(client, "/briefings/humane-china/")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<b>T</b>" not in html


def test_description_falls_back_to_the_start_of_the_text(client, briefing_factory):
    briefing_factory(summary="", deck="", body="China must stop.\n\nNow.")
    html = page(client, "/briefings/humane-china/")
    assert '<meta name="description" content="China must stop. Now.">' in html


def test_undated_briefings_have_no_published_time(client, briefing_factory):
    briefing_factory(published_on=None, publication="")
    html = page(client, "/briefings/humane-china/")
    assert "article:published_time" not in html
    assert "<time" not in html


def test_a_draft_is_not_found_by_the_public(client, briefing_factory):
    briefing_factory(status=Briefing.Status.DRAFT)
    page(client, "/briefings/humane-china/", status=404)


def test_a_draft_is_previewed_by_staff_with_a_banner_and_no_caching(
    client, staff, briefing_factory
):
    briefing_factory(status=Briefing.Status.DRAFT, published_on=datetime.date(2020, 1, 2))
    client.force_login(staff)
    response = client.get("/briefings/humane-china/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft — not public" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_staff_see_published_briefings_without_the_banner(client, staff, briefing_factory):
    briefing_factory()
    client.force_login(staff)
    html = page(client, "/briefings/humane-china/")
    assert "Draft — not public" not in html


def test_a_non_staff_user_cannot_preview_drafts(client, django_user_model, briefing_factory):
    briefing_factory(status=Briefing.Status.DRAFT)
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    page(client, "/briefings/humane-china/", status=404)


def test_home_page_links_the_featured_briefings(client, editorials):
    html = page(client, "/")
    assert 'href="/briefings/humane-china/"' in html
    assert 'href="/briefings/china-and-defectors/"' in html
    assert 'href="/briefings/china-resumes-forced-repatriation/"' in html
    assert 'href="/briefings/defectors-in-china-facing-repatriation/"' not in html


def test_a_briefing_featured_by_an_editor_shows_at_once_on_a_kept_home_page(
    client, editorials, kept_parts
):
    clock = kept_parts
    client.cookies["sessionid"] = "x"  # a page rendered for this visitor, not a shared one
    link = 'href="/briefings/defectors-in-china-facing-repatriation/"'
    assert link not in page(client, "/")
    briefing = Briefing.objects.get(slug="defectors-in-china-facing-repatriation")
    Briefing.objects.filter(featured=True).exclude(slug="humane-china").update(featured=False)
    briefing.featured = True
    briefing.save()
    clock["now"] += 1  # past this worker's own one-second copy
    assert link in page(client, "/")
