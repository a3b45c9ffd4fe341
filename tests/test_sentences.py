"""Sentence splitting: exact offsets and the awkward cases of scraped editorials."""

import pytest

from articles.sentences import Sentence, split_sentences


def texts(source):
    return [s.text for s in split_sentences(source)]


def assert_offsets_exact(source):
    for s in split_sentences(source):
        assert source[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_sentences_are_frozen_and_carry_exact_offsets():
    source = "  China must act.  Seoul should help. "
    result = split_sentences(source)
    assert result == [Sentence("China must act.", 2, 17), Sentence("Seoul should help.", 19, 37)]
    with pytest.raises(AttributeError):
        result[0].text = "x"
    assert_offsets_exact(source)


def test_dotted_abbreviations_do_not_end_a_sentence():
    source = "The U.N. envoy met N.K. defectors in the U.S. capital. Nothing changed."
    assert texts(source) == [
        "The U.N. envoy met N.K. defectors in the U.S. capital.",
        "Nothing changed.",
    ]


def test_a_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence():
    source = "The case went to the U.N. The council did nothing."
    assert texts(source) == ["The case went to the U.N.", "The council did nothing."]


def test_titles_months_and_numbering_abbreviations_stay_inside_the_sentence():
    source = "Mr. Park and Dr. Kim met on Feb. 12 to discuss bill No. 4. They agreed."
    assert texts(source) == [
        "Mr. Park and Dr. Kim met on Feb. 12 to discuss bill No. 4.",
        "They agreed.",
    ]


def test_initials_stay_inside_the_sentence():
    assert texts("The report by J. S. Lee was clear. It was ignored.") == [
        "The report by J. S. Lee was clear.",
        "It was ignored.",
    ]


def test_decimal_numbers_and_a_stray_date_period_do_not_split():
    source = "Arrests rose 1.5 times (Aug. 7. 2023) in the region. Few returned."
    assert texts(source) == [
        "Arrests rose 1.5 times (Aug. 7. 2023) in the region.",
        "Few returned.",
    ]


def test_a_full_stop_inside_closing_quotes_belongs_to_the_sentence():
    source = "The envoy said, “Send no one back.” Beijing did not reply."
    assert texts(source) == ["The envoy said, “Send no one back.”", "Beijing did not reply."]
    straight = 'The envoy said, "Send no one back." Beijing did not reply.'
    assert texts(straight)[0] == 'The envoy said, "Send no one back."'


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    source = "“They are sent to die. The world watches. Nobody acts."
    assert texts(source) == ["“They are sent to die.", "The world watches.", "Nobody acts."]


def test_a_question_mark_ends_a_sentence():
    assert texts("Who will speak up? We will.") == ["Who will speak up?", "We will."]


def test_each_line_without_final_punctuation_is_its_own_unit():
    source = "Back To Top\n\n[Editorial] Open the border\n\nBeijing must stop the returns\n\nBody."
    assert texts(source) == [
        "Back To Top",
        "[Editorial] Open the border",
        "Beijing must stop the returns",
        "Body.",
    ]


def test_a_question_mark_at_the_start_of_a_line_is_a_bullet_not_a_question():
    source = "? China is breaking its promises\n\nText follows."
    result = split_sentences(source)
    assert result[0].text == "China is breaking its promises"
    assert result[0].start == 2


@pytest.mark.parametrize("marker", ["– ", "- ", "• ", "* ", "1. ", "(a) ", "(iii) "])
def test_list_items_are_their_own_units_without_the_marker(marker):
    source = f"What to do:\n{marker}Sign the letter\n{marker}Call your MP. Then wait."
    assert texts(source) == ["What to do:", "Sign the letter", "Call your MP.", "Then wait."]
    assert_offsets_exact(source)


def test_a_dotted_acronym_before_a_number_does_not_end_a_sentence():
    source = "The House passed H.R. 4417 on Monday. The Senate has not voted."
    assert texts(source) == ["The House passed H.R. 4417 on Monday.", "The Senate has not voted."]


def test_lettered_items_that_end_in_a_semicolon_are_not_joined():
    # Recommendations are often lettered and end in ";" ("(a) Release them;"): the
    # next item starts a new unit although the line seems to stop mid-sentence.
    source = (
        "The Council recommends that the authorities:\n"
        "(a) Release everyone held for crossing the border without papers;\n"
        "(b) Give the refugee agency access to the detention centres."
    )
    assert texts(source) == [
        "The Council recommends that the authorities:",
        "Release everyone held for crossing the border without papers;",
        "Give the refugee agency access to the detention centres.",
    ]


def test_a_line_break_ends_a_sentence_in_one_sentence_per_line_text():
    source = "China should act.\nSeoul should help\nThe world watches."
    assert texts(source) == ["China should act.", "Seoul should help", "The world watches."]


def test_hard_wrapped_prose_is_joined_across_line_breaks():
    source = (
        "The ministry in Beijing announced on Tuesday that it had sent back\n"
        "Forty people, and officials in\n"
        "the border town confirmed it. A second group waits.\n"
    )
    assert texts(source) == [
        "The ministry in Beijing announced on Tuesday that it had sent back\n"
        "Forty people, and officials in\nthe border town confirmed it.",
        "A second group waits.",
    ]


def test_windows_line_endings_and_blank_lines_are_handled():
    source = "First line.\r\n\r\nSecond line.\r\n"
    assert texts(source) == ["First line.", "Second line."]
    assert_offsets_exact(source)


def test_empty_and_blank_text_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


def test_a_long_text_is_split_in_linear_time():
    import time

    source = ("Mr. Kim said “no. " + "a" * 50 + ". ") * 2000
    started = time.perf_counter()
    split_sentences(source)
    assert time.perf_counter() - started < 0.5


def test_a_time_of_day_can_end_a_sentence():
    assert texts("The raid began at 9 p.m. The women were taken away.") == [
        "The raid began at 9 p.m.",
        "The women were taken away.",
    ]
    assert texts("They met at 9 a.m. on Monday.") == ["They met at 9 a.m. on Monday."]


def test_e_g_and_i_e_never_end_a_sentence():
    assert texts("Some groups, e.g. Caritas, help. Others do not.") == [
        "Some groups, e.g. Caritas, help.",
        "Others do not.",
    ]
