"""The approval line (0.85) needs three things at once: the text's own voice, a
directive form and the actor named. Whatever else a call rests on keeps it below.

Every text here is written for these tests.
"""

import json

import pytest

from articles.extraction import extract_calls

APPROVAL = 0.85


def the_call(text, sentence):
    calls = [c for c in extract_calls(text) if c.sentence == sentence]
    assert len(calls) == 1, extract_calls(text)
    return calls[0]


def test_our_own_demand_of_a_named_actor_is_approved_unread():
    call = the_call(
        "We have waited long enough. Beijing must free the nine.", "Beijing must free the nine."
    )
    assert (call.addressee, call.score >= APPROVAL, call.doubts) == ("china", True, ())


@pytest.mark.parametrize(
    ("text", "sentence", "doubt"),
    [
        # a pronoun: the actor is whoever the sentences before are about
        (
            "Tokyo has said nothing so far. It should offer the women a place.",
            "It should offer the women a place.",
            "pronoun",
        ),
        # "you" in a letter: the letter's greeting says who
        (
            "Dear Minister,\n\nI write about the two brothers held in Hunchun. "
            "I urge you to stop their transfer.",
            "I urge you to stop their transfer.",
            "you",
        ),
        # a passive: the one who is to act is not named at all
        (
            "The Chinese police arrested them in May. The brothers must be released.",
            "The brothers must be released.",
            "inferred",
        ),
        # a suggestion is no demand, however plainly its actor is named
        (
            "Ulaanbaatar could offer them transit to Seoul.",
            "Ulaanbaatar could offer them transit to Seoul.",
            "weak form",
        ),
    ],
)
def test_a_call_resting_on_more_than_its_words_stays_below_the_line(text, sentence, doubt):
    call = the_call(text, sentence)
    assert call.score < APPROVAL
    assert doubt in call.doubts


def test_list_items_are_below_the_line_even_when_the_introducer_names_the_actor():
    text = (
        "We call on the Chinese authorities to:\n\n"
        "- stop the transfer of the women held in Tumen;\n"
        "- give the UN refugee agency access to them."
    )
    items = [c for c in extract_calls(text) if c.sentence.startswith(("stop", "give"))]
    assert [c.addressee for c in items] == ["china", "china"]
    assert all(c.score < APPROVAL and "list" in c.doubts for c in items)


def test_an_organisations_third_person_demand_needs_its_name_established_more_than_once():
    lead = "North Star Refugee Aid today urged Beijing to release the nine women."
    assert the_call(lead, lead).score < APPROVAL  # a news report would open the same way
    release = "North Star Refugee Aid\n\nPRESS RELEASE\n\n" + lead
    assert the_call(release, lead).score >= APPROVAL


def test_a_body_line_without_a_full_stop_is_below_the_line():
    text = (
        "The women were moved to Dandong last week and their families fear the worst.\n\n"
        "China must let the women go now\n\n"
        "Their families have written to the UN refugee agency."
    )
    call = the_call(text, "China must let the women go now")
    assert call.score < APPROVAL and "layout" in call.doubts


def test_the_json_of_a_call_keeps_its_six_fields():
    call = extract_calls("Seoul must raise the case with Beijing.")[0]
    assert sorted(json.loads(json.dumps(call.as_dict()))) == [
        "addressee",
        "ask",
        "end",
        "score",
        "sentence",
        "start",
    ]
