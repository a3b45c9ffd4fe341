"""Cleaning up the captured editorials: each quirk of the seed files, and bad input."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.cleanup import (
    MAX_FILE_BYTES,
    CleanupError,
    clean_editorial,
    decode_editorial,
)

ROOT = Path(__file__).resolve().parent.parent
EDITORIALS = ROOT / "articles" / "editorials"
LABELS = json.loads((ROOT / "tests" / "data" / "seed_calls_to_action.json").read_text())


def seed(prefix):
    (path,) = EDITORIALS.glob(f"{prefix}_*.txt")
    return path


def clean_seed(prefix):
    return clean_editorial(decode_editorial(seed(prefix).read_bytes()))


def paragraphs(body):
    return body.split("\n\n")


def test_the_seed_files_are_the_labelled_ones():
    labelled = {document["file"] for document in LABELS["documents"]}
    assert {path.name for path in EDITORIALS.glob("*.txt")} == labelled


def test_one_sentence_per_line_is_joined_into_paragraphs():
    result = clean_seed("000")
    raw = seed("000").read_text(encoding="utf-8")
    assert raw.count("\n\n") + 1 == 8
    assert len(paragraphs(result.body)) == 8
    assert "\n" not in paragraphs(result.body)[0].strip()
    assert paragraphs(result.body)[-1] == (
        "China should put an end to its merciless policy. If it is really worried about a "
        "massive influx of North Koreans, it should devise appropriate measures through "
        "international cooperation. Our government must play its part by finding ways to "
        "improve the defectors’ miserable lives in China."
    )
    assert result.title == result.deck == result.caption == result.source_note == ""


def test_spaced_hyphen_dashes_are_kept_in_the_sentence():
    assert "brutal punishment - including execution." in clean_seed("000").body


def test_a_text_captured_twice_keeps_each_paragraph_once():
    raw = seed("001").read_text(encoding="utf-8")
    result = clean_seed("001")
    assert result.blocks_read == 10
    assert result.repeats_dropped == 5
    assert len(paragraphs(result.body)) == 5
    welcome = "We welcome China’s decision to send four North Korean defectors"
    assert raw.count(welcome) == 2
    assert result.body.count(welcome) == 1
    # Every sentence of the first copy survives, in order.
    first_copy = raw.split("\n\n")[:5]
    assert result.body == "\n\n".join(" ".join(block.split("\n")) for block in first_copy)


def test_curly_quotes_are_preserved_byte_for_byte():
    body = clean_seed("001").body
    assert "“quiet diplomacy”" in body
    assert "didn’t allow them to leave." in body


def test_a_leading_photo_caption_becomes_the_caption():
    result = clean_seed("002")
    assert result.caption == (
        "Picketing against the Chinese forced repatriation of North Korean defectors "
        "(Aug. 7. 2023)/News1"
    )
    assert "Picketing" not in result.body
    assert result.body.startswith("Recent reports indicate that the Chinese government")
    assert result.title == ""


def test_one_paragraph_per_line_stays_one_paragraph_per_line():
    result = clean_seed("002")
    assert len(paragraphs(result.body)) == 5
    # The unbalanced quote of the original is left as it is.
    assert "“It is sending people to their deaths. Its claim" in result.body
    assert result.body.endswith(
        "We cannot remain silent in the face of the two countries’ injustice deeds."
    )


def test_boilerplate_headline_and_deck_are_recognised():
    result = clean_seed("003")
    assert result.title == "Humane China"
    assert result.deck == "Beijing must stop repatriating N.K. defectors"
    assert result.boilerplate_dropped == 1
    assert "Back To Top" not in result.body
    assert "[Editorial]" not in result.body
    assert result.body.startswith("There are palpable changes in China’s relations")
    assert len(paragraphs(result.body)) == 9


def test_marked_lines_become_headings_and_dashed_lines_a_list():
    result = clean_seed("004")
    assert result.title == "North Korean Defectors in China are facing repatriation to North Korea"
    assert "NKHR Issues" not in result.body
    headings = [line for line in result.body.split("\n") if line.startswith("## ")]
    assert headings == [
        "## Most of North Korean defectors come South Korea via China",
        "## China is violating humanitarian principles",
        "## The North Korean new leader is intensifying the crackdown on North Korean "
        "Defectors, who try to get freedom and to escape from starving",
        "## China is sending North Korean refugees to North Korea",
        "## Movement to protest the policy of China and North Korea",
    ]
    items = [line for line in result.body.split("\n") if line.startswith("- ")]
    assert len(items) == 5
    assert items[2].endswith("to find a humanitarian solution to the situation")
    # The five items form one list: one block, no blank lines between them.
    assert "\n".join(items) in paragraphs(result.body)
    assert not [line for line in result.body.split("\n") if line.startswith("–")]
    # A dash inside a sentence is text, not a list mark.
    assert "is not a new policy – it has been sending back" in result.body


def test_a_closing_attribution_becomes_the_source_note():
    result = clean_seed("004")
    assert result.source_note == (
        "This paper referred to articles by Wall Street Journal, Joseon daily news, "
        "Yonhap news agency."
    )
    assert "This paper referred" not in result.body
    assert result.body.endswith("a matter of international and universal importance.")


def test_korean_text_is_preserved_byte_for_byte():
    text = (
        "탈북자 강제북송 (2024. 3. 1.)/연합뉴스\n\n"
        "[사설] 중국은 탈북자 강제북송을 멈춰야\n\n"
        "중국 정부는 탈북자를 난민으로 인정해야 한다.\n"
        "정부는 “조용한 외교”를 그만두라.\n\n"
        "공유\n"
    )
    result = clean_editorial(decode_editorial(text.encode("utf-8")))
    assert result.title == "중국은 탈북자 강제북송을 멈춰야"
    assert result.body == (
        "중국 정부는 탈북자를 난민으로 인정해야 한다. 정부는 “조용한 외교”를 그만두라."
    )
    assert result.caption == "탈북자 강제북송 (2024. 3. 1.)/연합뉴스"
    assert "“조용한 외교”" in result.body


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters outside the Chinese embassy in Seoul /Yonhap",
        "Activists hold a candlelight vigil (Yonhap)",
        "A detention centre in Tumen (Photo: Daily NK)",
        "Families of defectors at a press conference (March 5, 2024)",
    ],
)
def test_leading_captions_with_a_credit_or_date_are_recognised(caption):
    result = clean_editorial(f"{caption}\n\nChina must stop the repatriations.")
    assert result.caption == caption
    assert result.body == "China must stop the repatriations."


def test_a_short_first_sentence_is_body_text_not_a_headline():
    result = clean_editorial("China must stop.\n\nIt must.")
    assert result.title == ""
    assert result.body == "China must stop.\n\nIt must."


def test_site_furniture_lines_are_dropped_anywhere():
    result = clean_editorial("Home\nShare\n\nText one.\n\nPrint\nBack to top\n\nText two.\nTop")
    assert result.body == "Text one.\n\nText two."
    assert result.boilerplate_dropped == 5


def test_windows_line_ends_are_understood():
    result = clean_editorial("Line one.\r\nLine two.\r\n\r\nNext paragraph.")
    assert result.body == "Line one. Line two.\n\nNext paragraph."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \n\n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x1b\x02\x03\x04abc\x05\x06", "binary file"),
        ("Défecteurs rapatriés".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_bad_input_is_refused_with_a_plain_reason(data, message):
    with pytest.raises(CleanupError, match=message):
        decode_editorial(data)


def test_files_over_the_size_limit_are_refused():
    with pytest.raises(CleanupError, match="larger than 10 MB"):
        decode_editorial(b"a" * (MAX_FILE_BYTES + 1))


def test_a_file_with_only_furniture_leaves_no_text():
    with pytest.raises(CleanupError, match="no text left"):
        clean_editorial("Back To Top\n\nShare\n")


def test_a_lone_short_line_is_kept_as_text_rather_than_lost_as_a_title():
    result = clean_editorial("Stop the repatriations")
    assert result.title == ""
    assert result.body == "Stop the repatriations"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_gives_a_tidy_body_or_a_plain_error(text):
    try:
        result = clean_editorial(text)
    except CleanupError:
        return
    blocks = result.body.split("\n\n")
    assert all(block.strip() for block in blocks)
    assert "\r" not in result.body
    assert "\n\n\n" not in result.body


def test_stray_control_characters_are_dropped():
    text = "China must stop" + "\x08" + " the repatriations." + " More text." * 20
    assert "\x08" not in decode_editorial(text.encode("utf-8"))


def test_a_long_marked_line_is_a_paragraph_not_a_heading():
    line = "? " + "China keeps sending people back. " * 10
    result = clean_editorial(f"Intro.\n\n{line}")
    assert result.body == "Intro.\n\n" + line[2:].strip()
