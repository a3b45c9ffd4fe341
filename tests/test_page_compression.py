"""Pages are sent gzip-compressed, kept pages at almost no cost per request."""

import gzip
import re
import time

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from campaign.lib import compression, fragments
from campaign.lib.compression import gzip_with_holes, gzip_with_kept_parts
from tests.factories import create_briefing, make_petition, make_signature

STAND_INS = ("hole-csrf", "hole-form-started")
# What differs between two visitors' copies of a page: the masked CSRF token (in
# the forms and in htmx's header) and the form's time-stamp.
PER_VISITOR = re.compile(
    r'(name="(?:csrfmiddlewaretoken|started)" value=|"X-CSRFToken": )"[^"]*"'
)


def masked(html):
    return PER_VISITOR.sub(r"\1", html)


@given(
    pieces=st.lists(st.text(max_size=300), min_size=1, max_size=6),
    holes=st.lists(st.sampled_from(STAND_INS), max_size=5),
    values=st.tuples(st.text(max_size=100), st.text(max_size=100)),
)
def test_a_page_with_holes_decompresses_to_the_page_with_its_values(pieces, holes, values):
    text = "".join(piece + (holes[i] if i < len(holes) else "") for i, piece in
                   enumerate(pieces))
    given_values = {s: v for s, v in zip(STAND_INS, values, strict=True) if s in text}
    expected = text
    for stand_in, value in given_values.items():
        expected = expected.replace(stand_in, value)
    # gzip checks the CRC and the length itself.
    assert gzip.decompress(gzip_with_holes(text, given_values)).decode() == expected


def test_values_longer_than_a_stored_block_are_split_across_blocks():
    value = "é" * 70_000  # 140,000 bytes: three stored blocks
    packed = gzip_with_holes("<p>hole-csrf</p>" * 3, {"hole-csrf": value})
    assert gzip.decompress(packed).decode() == f"<p>{value}</p>" * 3


def test_the_kept_part_is_compressed_once_each_visitor_only_adds_their_values():
    page = ("<p>" + "The same for everyone. " * 4000 + "hole-csrf</p>") * 2
    gzip_with_holes(page, {"hole-csrf": "first"})
    started = time.process_time()
    for n in range(200):
        packed = gzip_with_holes(page, {"hole-csrf": f"token-{n}"})
    per_page = (time.process_time() - started) / 200
    whole = time.process_time()
    gzip.compress(page.encode())
    compressing_it_whole = time.process_time() - whole
    assert per_page < compressing_it_whole / 5, (per_page, compressing_it_whole)
    assert len(packed) < len(page) / 20


@given(
    gaps=st.lists(st.text(max_size=200), min_size=1, max_size=5),
    kept=st.lists(st.tuples(st.text(max_size=300), st.sampled_from(STAND_INS), st.booleans()),
                  max_size=4),
    value=st.text(max_size=80),
    random_bytes=st.sampled_from([0, 100]),
)
def test_a_page_with_kept_parts_decompresses_to_the_page(gaps, kept, value, random_bytes):
    # Each kept part holds a stand-in filled with this visitor's value; some are not
    # in the page at all (a part rendered but not shown), which must not matter.
    page, parts = gaps[0], []
    for (text, stand_in, shown), gap in zip(kept, [*gaps[1:], *[""] * len(kept)], strict=False):
        kept_text = text + stand_in
        filled = text + value
        parts.append((kept_text, {stand_in: value}, filled if shown else filled + "\x00gone"))
        if shown:
            page += filled
        page += gap
    packed = gzip_with_kept_parts(page, parts, random_bytes)
    if packed is not None:
        assert gzip.decompress(packed).decode() == page


def test_kept_parts_are_compressed_once_and_the_rest_each_time():
    # Numbers, like a map's outlines: text that takes gzip a while.
    kept_text = "<svg>" + " ".join(str(n * 7919 % 10007) for n in range(12000)) + "hole-csrf"
    pages = []
    for n in range(100):
        filled = kept_text.replace("hole-csrf", f"t{n}")
        kept = [(kept_text, {"hole-csrf": f"t{n}"}, filled)]
        pages.append((f"<h1>Page {n}</h1>{filled}<p>end", kept))
    gzip_with_kept_parts(*pages[0])
    started = time.process_time()
    for page, kept in pages:
        packed = gzip_with_kept_parts(page, kept)
    per_page = (time.process_time() - started) / len(pages)
    whole = time.process_time()
    gzip.compress(pages[-1][0].encode())
    compressing_it_whole = time.process_time() - whole
    assert gzip.decompress(packed).decode() == pages[-1][0]
    assert per_page < compressing_it_whole / 3, (per_page, compressing_it_whole)


@pytest.mark.django_db
class TestPages:
    @pytest.fixture(autouse=True)
    def caching(self, settings):
        settings.PUBLIC_CACHE_SECONDS = 60
        cache.clear()
        fragments.clear_local()

    def test_kept_pages_are_sent_compressed_with_each_visitors_own_token(self, client):
        petition = make_petition(is_current=True)
        make_signature(petition, email="a@example.org")
        briefing = create_briefing()
        for url in ("/", petition.get_absolute_url(), briefing.get_absolute_url()):
            plain = client.get(url).content.decode()
            client.cookies.clear()
            packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
            client.cookies.clear()
            assert packed["Content-Encoding"] == "gzip", url
            assert "Accept-Encoding" in packed["Vary"]
            assert len(packed.content) < len(plain) / 2, url
            html = gzip.decompress(packed.content).decode()
            assert masked(html) == masked(plain), url
            assert "shared-page-hole" not in html

    def test_a_large_page_rendered_for_one_visitor_is_compressed_from_its_kept_parts(
        self, client, monkeypatch
    ):
        from campaign.middleware import TextCompressionMiddleware
        from tests.test_kept_parts import with_session

        # The pages here are small: compress them as a large one would be.
        monkeypatch.setattr(TextCompressionMiddleware, "KEPT_PARTS_MIN_BYTES", 200)
        used = []
        monkeypatch.setattr(compression, "gzip_with_kept_parts",
                            lambda *args: used.append(1) or gzip_with_kept_parts(*args))
        petition = make_petition(is_current=True)
        briefing = create_briefing()
        visitor = with_session()
        for url in ("/", petition.get_absolute_url(), briefing.get_absolute_url()):
            for _ in range(2):  # the parts built, then kept
                used.clear()
                plain = visitor.get(url).content.decode()
                packed = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip")
                assert used and packed["Content-Encoding"] == "gzip", url
                assert "Accept-Encoding" in packed["Vary"]
                html = gzip.decompress(packed.content).decode()
                assert masked(html) == masked(plain), url
                assert int(packed["Content-Length"]) == len(packed.content)

    def test_each_compressed_page_carries_a_differently_masked_token(self, client):
        # What makes compressing pages safe from BREACH: the secret never repeats.
        def token(response):
            html = gzip.decompress(response.content).decode()
            return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

        first = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
        second = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
        assert token(first) != token(second)


@pytest.mark.django_db
def test_other_text_responses_are_compressed_by_the_middleware(client):
    make_petition(is_current=True)
    for url in ("/sitemap.xml", "/briefings/", "/privacy/"):
        plain = client.get(url)
        packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert packed["Content-Encoding"] == "gzip", url
        assert masked(gzip.decompress(packed.content).decode()) == masked(
            plain.content.decode()
        ), url


@pytest.mark.django_db
def test_images_are_not_compressed_again(client, petition):
    response = client.get(f"/petitions/{petition.slug}/card/en.png", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
