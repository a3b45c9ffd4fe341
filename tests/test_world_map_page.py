"""The petition page shows signatures by country on a map, above the table."""

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from campaign.lib import fragments
from campaign.petition import worldmap
from tests.factories import make_signature

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def the_map(html):
    match = re.search(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', html, re.S)
    assert match, "no map on the page"
    return ET.fromstring(match.group(0))


def coloured(root):
    return {
        path.find(f"{SVG}title").text: path.get("fill")
        for path in root.iter(f"{SVG}path")
        if path.get("fill") != worldmap.NONE_COLOUR
    }


def test_the_map_colours_the_countries_people_signed_from_above_the_table(client, petition):
    make_signature(petition, email="a@example.org", country="KR")
    make_signature(petition, email="b@example.org", country="KR")
    make_signature(petition, email="c@example.org", country="JP")
    html = client.get(petition.get_absolute_url()).content.decode()
    root = the_map(html)
    assert set(coloured(root)) == {"South Korea: 2", "Japan: 1"}
    assert root.get("role") == "img"
    # The legend is text beside the picture, readable however small the map is drawn.
    legend = re.search(r'<ul class="world-map-legend">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"</svg> ([^<]+)</li>", legend) == ["No signatures", "1 or more"]
    assert "<text" not in ET.tostring(root, encoding="unicode")
    # The table with the exact numbers stays, after the map.
    assert html.index("<svg") < html.index('<table class="tally">')
    assert "<td>South Korea</td>" in html


def test_the_map_speaks_the_pages_language(client, petition):
    make_signature(petition, email="a@example.org", country="KR")
    with translation.override("ko"):
        html = client.get(petition.get_absolute_url()).content.decode()
    root = the_map(html)
    assert set(coloured(root)) == {"대한민국: 1명"}
    assert root.find(f"{SVG}title").text == "국가별 서명 지도"


def test_without_signatures_there_is_no_map(client, petition):
    assert "<svg" not in client.get(petition.get_absolute_url()).content.decode()


def test_the_map_needs_no_inline_style_or_script(client, petition):
    make_signature(petition, email="a@example.org", country="SG")
    svg = re.search(r"<svg.*?</svg>", client.get(petition.get_absolute_url()).content.decode(),
                    re.S).group(0)
    assert " style=" not in svg and "<script" not in svg and "<style" not in svg


def test_the_map_costs_nothing_while_the_pages_block_is_kept(client, petition, settings,
                                                              monkeypatch):
    settings.PUBLIC_CACHE_SECONDS = 60
    cache.clear()
    fragments.clear_local()
    make_signature(petition, email="a@example.org", country="KR")
    client.force_login(make_staff_user())  # a visitor who gets a page of their own
    first = client.get(petition.get_absolute_url()).content.decode()
    drawn = []
    monkeypatch.setattr(worldmap, "world_map_svg", lambda *a, **k: drawn.append(1) or "<svg/>")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(petition.get_absolute_url()).content.decode()
    assert drawn == []
    assert not any("countrytally" in q["sql"] for q in queries.captured_queries)
    assert unescape(the_map(again).find(f"{SVG}title").text) == unescape(
        the_map(first).find(f"{SVG}title").text
    )


def make_staff_user():
    from django.contrib.auth.models import User

    return User.objects.create_user("staff", is_staff=True)
