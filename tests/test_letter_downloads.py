"""Downloads of a finished letter: bound to that letter's text, short-lived, rate-limited,
bounded in the work they take; the PDF's sender and recipient blocks and Korean font."""

import time
from io import BytesIO
from pathlib import Path

import pytest
from django.core import signing
from pypdf import PdfReader

from campaign.letters import services
from campaign.letters.forms import TEXT_MAX_LINES
from campaign.letters.pdf import LINES_PER_PIECE, letter_paragraphs, letter_pdf, letter_story
from campaign.lib.tokens import signed_id
from campaign.models import Letter, Official
from tests.factories import make_official, make_point
from tests.letter_forms import download, ready_letters, submit, the_letter

pytestmark = pytest.mark.django_db

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf")


def finish(client, official, **about):
    page = client.get(f"/letters/?official={official.pk}")
    about_step = submit(client, page)
    values = {"name": "Alice Kim", "city": "Toronto", "personal": "Please help them.", **about}
    return submit(client, submit(client, about_step, replace=values))


@pytest.fixture
def ready(client):
    make_point("Stop the forced repatriation of North Korean defectors")
    return finish(client, make_official())


def post_with(client, token, letter, url_name="letter.pdf", **changes):
    data = {key: letter[key] for key in ("subject", "text", "sender")}
    return client.post(f"/letters/{token}/{url_name}", {**data, **changes})


# The text a download lays out --------------------------------------------------------


def test_ten_kilobytes_of_short_lines_are_refused_before_any_layout(client, ready):
    (letter,) = ready_letters(ready)
    text = "a\n" * 5000
    # A token made for exactly this text, as if the sender had finished it.
    token = services.letter_token(Letter.objects.get(), letter["subject"], text, letter["sender"])
    started = time.process_time()
    response = post_with(client, token, letter, text=text)
    assert response.status_code == 400
    assert time.process_time() - started < 0.5  # no PDF was laid out


def test_layout_work_is_bounded_whatever_the_text():
    for text in ("a\n" * 5000, "x" * 9000, "word " * 2000, "줄\n" * (TEXT_MAX_LINES - 1)):
        pieces = letter_paragraphs(text)
        assert all(len(piece) <= LINES_PER_PIECE for piece in pieces)
        assert all(len(line) <= 80 for piece in pieces for line in piece if " " not in line)
        # One flowable per piece (and a few for the blocks above the letter).
        assert len(letter_story(text)) == len(pieces)
    assert len(letter_paragraphs("a\n" * 5000)) == 5000 // LINES_PER_PIECE


def test_the_longest_letter_accepted_is_laid_out_quickly():
    lines = ["A line of a long personal letter, typed with many short lines."] * TEXT_MAX_LINES
    started = time.process_time()
    pdf = letter_pdf("\n".join(lines)[:10000])
    # Seconds of CPU before the pieces; well under one now, on a slow shared machine too.
    assert time.process_time() - started < 1.5
    assert len(PdfReader(BytesIO(pdf)).pages) >= 2


@pytest.mark.parametrize("text", ["a" * 10001, "한" * 8001, "a\n" * (TEXT_MAX_LINES + 1)])
def test_a_letter_too_big_to_print_is_refused_at_the_letter_step(client, text):
    make_point("Stop the forced repatriation of North Korean defectors")
    official = make_official()
    page = client.get(f"/letters/?official={official.pk}")
    draft = submit(client, submit(client, page), replace={"name": "Alice"})
    response = submit(client, draft, replace={the_letter(draft)[0]: text})
    assert 'class="errorlist' in response.content.decode()
    assert Letter.objects.count() == 0


# The token ------------------------------------------------------------------------------


def test_each_download_works_with_the_text_it_was_made_for(client, ready):
    for url_name in ("letter.pdf", "letter.txt", "print/"):
        assert download(client, ready, url_name).status_code == 200


def test_other_text_posted_with_a_letter_s_token_is_refused(client, ready):
    (letter,) = ready_letters(ready)
    response = post_with(client, letter["token"], letter, text="Something else entirely.")
    assert response.status_code == 400
    assert "This letter link does not work" in response.content.decode()
    changed_sender = post_with(client, letter["token"], letter, sender="Mallory\nmallory@x.org")
    assert changed_sender.status_code == 400


def test_another_letter_s_token_is_refused(client, ready):
    (first,) = ready_letters(ready)
    (second,) = ready_letters(finish(client, Official.objects.get(), name="Bo"))
    assert post_with(client, first["token"], second).status_code == 400
    assert post_with(client, second["token"], second).status_code == 200


def test_a_token_of_the_old_kind_naming_only_the_letter_is_refused(client, ready):
    (letter,) = ready_letters(ready)
    old = signed_id(Letter.objects.get(), "campaign.letters.record")
    assert post_with(client, old, letter).status_code == 400


def test_an_old_token_is_refused(client, ready, settings, monkeypatch):
    (letter,) = ready_letters(ready)
    record = Letter.objects.get()
    two_days_ago = time.time() - 2 * 24 * 3600

    class Clock:
        @staticmethod
        def time():
            return two_days_ago

    monkeypatch.setattr(signing, "time", Clock)
    old = services.letter_token(record, letter["subject"], letter["text"], letter["sender"])
    monkeypatch.undo()
    assert post_with(client, old, letter).status_code == 400
    settings.LETTER_LINK_SECONDS = 3 * 24 * 3600
    assert post_with(client, old, letter).status_code == 200


# The rate limit -------------------------------------------------------------------------


def test_downloads_over_the_limit_get_429(client, ready, settings):
    settings.LETTER_DOWNLOAD_RATE_LIMIT = (3, 3600)
    codes = [download(client, ready, "letter.txt").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert "Too many tries" in download(client, ready, "letter.pdf").content.decode()
    # Counted per network: another address still gets its letter.
    assert download(client, ready, "letter.txt", REMOTE_ADDR="192.0.2.7").status_code == 200


# What the PDF says ----------------------------------------------------------------------


def pdf_text(response):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)


def test_the_pdf_carries_the_sender_s_block_with_the_reply_address(client):
    make_point("Stop the forced repatriation of North Korean defectors")
    ready = finish(client, make_official(), reply_email="alice@example.org",
                   reply_address="12 King Street\nToronto M5V 1A1")  # fmt: skip
    (letter,) = ready_letters(ready)
    assert letter["sender"] == "Alice Kim\n12 King Street\nToronto M5V 1A1\nalice@example.org"
    text = pdf_text(download(client, ready, "letter.pdf"))
    assert text.index("12 King Street") < text.index("Ambassador of China")
    assert "alice@example.org" in text
    printed = download(client, ready, "print/").content.decode()
    assert 'class="letter-sheet__sender"' in printed and "12 King Street<br>" in printed


def test_without_a_reply_address_the_sender_block_gives_the_town():
    about = {"name": "Bo", "city": "Lyon", "country": "France"}
    assert services.sender_block(about) == "Bo\nLyon, France"


def test_a_korean_letter_names_the_office_in_korean_where_it_has_a_korean_title():
    official = make_official("Minister of Unification", organisation="Ministry of Unification",
                             language="ko", postal_address="209 Sejong-daero\nSeoul")  # fmt: skip
    official.title_ko = "통일부 장관"
    official.organisation_ko = "대한민국 통일부"
    assert services.recipient_lines(official, "ko") == [
        "대한민국 통일부", "통일부 장관 귀하", "209 Sejong-daero", "Seoul"
    ]
    assert services.recipient_lines(official, "en")[:2] == [
        "Minister of Unification", "Ministry of Unification"
    ]
    # Without a Korean title (translations not filled yet) the block stays as it is.
    plain = make_official("Minister of Unification", organisation="MOU")
    assert services.recipient_lines(plain, "ko") == ["Minister of Unification", "MOU"]


@pytest.mark.skipif(not NANUM.exists(), reason="fonts-nanum is not installed")
def test_a_korean_pdf_embeds_the_korean_font_where_installed(client, settings):
    settings.LETTER_PDF_KOREAN_FONT = str(NANUM)
    official = make_official("Minister of Unification", organisation="MOU", language="ko")
    make_point("Protect defectors", ask_ko="탈북민을 보호해 주십시오", addressee="china")
    response = download(client, finish(client, official, name="김민수"), "letter.pdf")
    fonts = embedded_fonts(response.content)
    assert any("NanumMyeongjo" in name and embedded for name, embedded in fonts)
    assert "김민수 드림" in pdf_text(response)


def test_without_the_font_file_the_pdf_names_the_built_in_korean_font(client, settings):
    settings.LETTER_PDF_KOREAN_FONT = "/nonexistent/Font.ttf"
    official = make_official("Minister of Unification", organisation="MOU", language="ko")
    make_point("Protect defectors", ask_ko="탈북민을 보호해 주십시오", addressee="china")
    response = download(client, finish(client, official, name="김민수"), "letter.pdf")
    assert ("HYSMyeongJo-Medium", False) in embedded_fonts(response.content)
    assert "김민수 드림" in pdf_text(response)


def embedded_fonts(pdf):
    """[(base font name, whether its glyphs are embedded)] of the PDF's first page."""
    fonts = PdfReader(BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    found = []
    for font in fonts.values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        embedded = bool(descriptor) and "/FontFile2" in descriptor.get_object()
        found.append((str(font["/BaseFont"]).lstrip("/"), embedded))
    return found
