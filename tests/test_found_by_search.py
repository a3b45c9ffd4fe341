"""What search engines and browsers look for: robots.txt, the sitemap in both
languages, the icons at the root and JSON-LD."""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from campaign import sitemaps
from tests.factories import create_briefing, make_petition

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


@pytest.fixture
def content(db):
    petition = make_petition(is_current=True)
    briefing = create_briefing()
    draft = create_briefing(slug="draft-one", title="Draft", status="draft")
    return petition, briefing, draft


@pytest.fixture
def prefixes_cleared():
    sitemaps.language_prefixes_used.cache_clear()
    yield
    sitemaps.language_prefixes_used.cache_clear()


def test_robots_txt_names_the_sitemap_by_its_full_address(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_sitemap_lists_public_pages_briefings_and_petitions(client, content, prefixes_cleared):
    petition, briefing, draft = content
    urls = sitemap_urls(client)
    base = "http://127.0.0.1:8000"
    assert {f"{base}/", f"{base}/briefings/", f"{base}/privacy/",
            f"{base}{briefing.get_absolute_url()}",
            f"{base}{petition.get_absolute_url()}"} <= set(urls)  # fmt: skip
    assert f"{base}{draft.get_absolute_url()}" not in urls
    assert not any("/admin/" in url for url in urls)
    # Each page at its address in each language, naming the others (campaign/urls.py).
    assert all(set(alternates) == {"en", "ko", "x-default"} for alternates in urls.values())


def test_with_language_prefixes_the_sitemap_lists_each_page_in_both_languages(
    client, content, prefixes_cleared
):
    _petition, briefing, _draft = content
    urls = sitemap_urls(client)
    english = f"http://127.0.0.1:8000{briefing.get_absolute_url()}"
    korean = f"http://127.0.0.1:8000/ko{briefing.get_absolute_url()}"
    expected = {"en": english, "ko": korean, "x-default": english}
    assert urls[english] == expected
    assert urls[korean] == expected
    assert "http://127.0.0.1:8000/ko/" in urls


def test_favicon_and_home_screen_icon_are_at_the_root(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    image = Image.open(io.BytesIO(b"".join(icon.streaming_content)))
    assert image.format == "ICO"
    assert {(16, 16), (32, 32)} <= image.info["sizes"]
    touch = client.get("/apple-touch-icon.png")
    image = Image.open(io.BytesIO(b"".join(touch.streaming_content)))
    assert (image.format, image.size, image.mode) == ("PNG", (180, 180), "RGB")
    html = client.get("/").content.decode()
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html


def test_the_committed_icons_are_what_draw_icons_draws(settings):
    from campaign.management.commands import draw_icons

    def pixels(data):
        image = Image.open(io.BytesIO(data))
        return image.size, image.convert("RGBA").tobytes()

    # Compared as pixels: the file bytes may differ with zlib's version.
    root = settings.WHITENOISE_ROOT
    assert pixels((root / "favicon.ico").read_bytes()) == pixels(draw_icons.favicon_ico())
    assert pixels((root / "apple-touch-icon.png").read_bytes()) == pixels(
        draw_icons.apple_touch_icon()
    )


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_the_home_page_describes_the_campaign_as_an_organization(client):
    (data,) = json_ld(client.get("/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Safe Passage"
    assert data["url"] == "http://127.0.0.1:8000/"
    assert data["logo"] == "http://127.0.0.1:8000/apple-touch-icon.png"


def test_a_briefing_is_an_article_credited_to_its_publication(client):
    briefing = create_briefing(
        title="A <b>humane</b> China & </script>", publication="The Korea Herald",
        source_url="https://example.org/editorial",
    )  # fmt: skip
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert "\\u003C/script\\u003E" in html
    (data,) = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "A <b>humane</b> China & </script>"
    assert data["author"] == {"@type": "Organization", "name": "The Korea Herald"}
    assert data["publisher"]["name"] == "Safe Passage"
    assert data["mainEntityOfPage"] == "http://127.0.0.1:8000" + briefing.get_absolute_url()
    assert data["isBasedOn"] == "https://example.org/editorial"
    assert data["inLanguage"] == "en"
