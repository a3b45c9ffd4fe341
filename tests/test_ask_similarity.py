"""When two calls to action are the same call (pure functions, no database)."""

import pytest

from articles.asks import (
    ask_similarity,
    asks_to_stop_returns,
    clean_ask,
    locate_sentence,
    mask_markup,
    same_call,
    sentence_in_context,
)

SAME = [
    ("Stop repatriating North Korean defectors", "End the forced repatriation of defectors"),
    ("Stop repatriating N.K. defectors", "Do not send defectors back to the North"),
    ("Stop deporting defectors", "Halt the repatriation of North Korean escapees"),
    (
        "Stop repatriating defectors",
        "Do not repatriate them if they fled their country for political reasons",
    ),
    ("Put an end to the deportations", "Stop repatriating North Koreans"),
    ("Protect defectors in China", "Give defectors in China protection"),
]

DIFFERENT = [
    # Same campaign words, different demand.
    ("Stop repatriating defectors", "Stop the persecution of defectors in North Korea"),
    ("Stop repatriating defectors to North Korea", "Stop sending aid to North Korea"),
    ("Grant defectors refugee status", "Grant defectors safe passage to South Korea"),
    # Opposite direction: one asks to stop what the other asks for.
    ("Stop repatriating defectors", "Repatriate defectors under the treaty"),
    ("Let defectors travel to South Korea", "Do not let defectors travel to South Korea"),
    # Nothing in common at all.
    ("Spread awareness around the world", "Press Pyongyang to halt its crackdown"),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_asks_worded_differently_are_the_same_call(first, second):
    assert same_call("china", first, "china", second)
    assert same_call("china", second, "china", first)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_near_misses_are_not_the_same_call(first, second):
    assert not same_call("china", first, "china", second)


def test_the_same_ask_to_different_actors_is_not_the_same_call():
    ask = "Stop repatriating defectors"
    assert not same_call("china", ask, "south_korea_government", ask)


def test_similarity_is_one_for_the_same_ask_and_zero_for_no_content_words():
    ask = "Stop deporting defectors"
    assert ask_similarity(ask, ask) == pytest.approx(1)
    assert ask_similarity("", "Stop deporting defectors") == 0
    assert ask_similarity("the of and", "to the") == 0


def test_markers_are_blanked_without_moving_the_text():
    body = "## A heading\n\nText - with a dash.\n\n- first item\n- second item"
    masked = mask_markup(body)
    assert len(masked) == len(body)
    assert masked.splitlines()[0] == "   A heading"
    assert masked.splitlines()[2] == "Text - with a dash."
    assert masked.splitlines()[4] == "  first item"


def test_a_sentence_is_found_again_after_the_text_moves_and_rewraps():
    body = "New opening paragraph.\n\nChina should stop\nthe deportations. Then more."
    assert locate_sentence(body, "China should stop the deportations.", near=0) == (24, 59)
    assert locate_sentence(body, "A sentence that was deleted.") is None


def test_a_repeated_sentence_is_found_at_the_occurrence_nearest_its_old_place():
    body = "Act now. Other text here. Act now."
    assert locate_sentence(body, "Act now.", near=20) == (26, 34)
    assert locate_sentence(body, "Act now.", near=3) == (0, 8)


def test_extracted_asks_are_tidied_for_editors():
    assert clean_ask("  stop  the deportations. ") == "Stop the deportations"
    long_ask = clean_ask("word " * 100, max_length=40)
    assert len(long_ask) <= 40
    assert long_ask.endswith("…")


def test_the_context_of_a_sentence_is_cut_at_words_with_ellipses():
    body = "alpha " * 60 + "The sentence." + " omega" * 60
    start = body.index("The sentence.")
    before, sentence, after = sentence_in_context(body, start, start + 13, radius=30)
    assert sentence == "The sentence."
    assert before.startswith("…") and before.endswith("alpha ")
    assert after.endswith("…") and after.startswith(" omega")
    assert sentence_in_context("Short.", 0, 6) == ("", "Short.", "")


def test_every_way_of_asking_an_actor_to_stop_the_returns_is_the_same_call():
    asks = [
        "Stop sending escapees back across the Tumen",
        "Do not deport women who fled to marry their way out",
        "Put an end to your policy of arresting refugees and handing them over to the North",
        "Halt the repatriation of the families held in Dandong",
    ]
    for first in asks:
        for second in asks:
            assert same_call("china", first, "china", second), (first, second)


def test_asking_to_press_someone_else_to_stop_the_returns_is_a_different_call():
    assert not same_call(
        "south_korea_government",
        "Press Beijing to stop deporting defectors",
        "south_korea_government",
        "Stop deporting defectors found in the South",
    )
    assert not asks_to_stop_returns("Urge China to halt the repatriations")


def test_the_returns_without_a_stop_or_a_stop_without_returns_is_not_the_central_demand():
    assert not asks_to_stop_returns("Let the refugee agency see detainees before any repatriation")
    assert not asks_to_stop_returns("End the shoot-to-kill order at the border")
    assert not same_call(
        "china",
        "Let the UN refugee agency see detainees before any repatriation",
        "china",
        "Stop repatriating defectors",
    )
