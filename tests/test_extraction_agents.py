"""Subjects no lexicon knows: the shape of the noun phrase says who is asked.

Every text here is written for these tests; the bodies and companies are invented.
"""

import pytest

from articles.extraction import extract_calls
from articles.extraction.agents import agent_class, head_phrase


def calls_of(text):
    return [(c.sentence, c.addressee) for c in extract_calls(text)]


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("Importers, for their part, should not wait for Brussels.", "other"),
        ("Larch & Tide should stop buying from the Hunchun plant.", "other"),
        ("The Commissioner responsible for fisheries would do well to say so.", "other"),
        (
            "Diplomats from states that take refugees should visit the centre.",
            "international_community",
        ),
    ],
)
def test_a_subject_that_can_act_is_asked_whatever_its_name(sentence, addressee):
    text = "WASHINGTON - An editorial on the trade.\n\nAmerica has a role. " + sentence
    assert calls_of(text)[-1] == (sentence, addressee)


def test_an_unnamed_states_office_is_the_texts_own_state():
    text = (
        "Seoul, 4 March - This paper has long watched the resettlement office.\n\n"
        "The Settlement Support Service should shorten its screening of new arrivals."
    )
    assert calls_of(text)[-1][1] == "south_korea_government"


def test_the_head_of_the_subject_names_the_actor_not_its_modifiers():
    assert head_phrase("Any firm buying squid processed in China") == "Any firm"
    sentence = "Any firm buying squid processed in China should audit its suppliers."
    assert calls_of(sentence) == [(sentence, "other")]


@pytest.mark.parametrize(
    "subject",
    ["The figures", "Letters", "Twelve detained women", "The Refugee Convention", "Numbers"],
)
def test_things_laws_and_sentence_initial_capitals_are_nobody(subject):
    assert agent_class(subject) is None


def test_a_thing_whose_modifier_names_a_state_does_not_ask_that_state():
    sentence = "The resolution on North Korea must finally address the returns."
    assert "north_korea" not in {a for _s, a in calls_of(sentence)}


def test_a_newspapers_name_in_the_header_is_not_where_the_text_comes_from():
    text = (
        "THE HANGANG HERALD\n\nOpinion\n\nThe summit ended without a word on the detainees. "
        "The Presidential Office should publish what the President said."
    )
    assert calls_of(text)[-1][1] == "south_korea_government"


def test_a_pronoun_after_a_clause_takes_that_clauses_subject_whatever_its_name():
    text = "China keeps the plants busy. Trade officials are not used to it; they should learn."
    assert calls_of(text)[-1][1] == "other"


def test_a_name_before_member_states_says_which_states_they_are():
    sentence = "EU member states should speak with one voice at the Council."
    assert calls_of(sentence) == [(sentence, "international_community")]


def test_whoever_holds_an_office_is_asked_as_that_office():
    sentence = (
        "Whoever sits in the Blue House, or in Yongsan as it is now, must say the word out loud."
    )
    assert calls_of(sentence) == [(sentence, "south_korea_government")]


def test_request_opens_an_order_in_a_list_to_a_body():
    text = (
        "Recommendations\n\nTo the Human Rights Council and its members:\n"
        "1. Request the High Commissioner to present an oral update on returns."
    )
    assert calls_of(text)[-1][1] == "international_community"


def test_those_who_lead_a_body_by_office_can_be_asked_to_act():
    calls = extract_calls("The archbishops of the province should meet the families this month.")
    assert [c.addressee for c in calls] == ["other"]


def test_any_one_of_several_states_is_the_international_community():
    assert agent_class("Each country along the escape route") == "international_community"
    calls = extract_calls("Every government in the region should open its borders to them.")
    assert [c.addressee for c in calls] == ["international_community"]
