"""Who a call is for: the addressee classes as the campaign defines them.

``international_community``: UN bodies and agencies, international
organisations, "the international community", governments collectively or
several states named together. ``other``: any single other actor (the US
government, Japan, the EU, a company, an NGO). ``public``: readers, citizens,
supporters. Every sentence here is written for these tests.
"""

import pytest

from articles.extraction import extract_calls


def addressee_of(text):
    calls = extract_calls(text)
    assert len(calls) == 1, calls
    return calls[0].addressee


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("The Canadian government should resettle more escapees.", "other"),
        ("Tokyo must speak up at the next summit.", "other"),
        ("The European Union ought to fund legal aid in transit countries.", "other"),
        ("The Home Office should stop refusing these asylum claims.", "other"),
        ("Germany and France should raise the cases together.", "international_community"),
        ("All States must respect the principle of non-refoulement.", "international_community"),
        ("The High Commissioner should ask for access in person.", "international_community"),
        ("The authorities in Pyongyang must account for every returnee.", "north_korea"),
        ("The Government of the Republic of Korea should receive them.", "south_korea_government"),
        ("The Ministry of Public Security must halt the transfer.", "china"),
    ],
)
def test_each_actor_falls_in_its_class(sentence, addressee):
    assert addressee_of(sentence) == addressee


def test_several_states_named_together_are_the_international_community():
    # "and" joins the two governments; "in" would only place the first one.
    assert addressee_of(
        "The governments of Japan and South Korea should share what they know."
    ) == ("international_community")
    assert addressee_of("The authorities in China should register the children.") == "china"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Korea Courier should stop calling them illegal migrants.",
        "China Watch Network must be allowed to publish its findings.",
    ],
)
def test_a_country_inside_a_newspaper_or_organisation_name_is_not_its_government(sentence):
    assert addressee_of(sentence) == "other"


def test_a_place_after_a_preposition_is_not_an_actor():
    # "to the Republic of Korea" is where they go, not who is asked.
    assert addressee_of("The detainees must be allowed to travel to the Republic of Korea.") != (
        "south_korea_government"
    )


def test_an_imperative_headline_goes_to_whoever_does_what_it_asks_to_stop():
    # The text names Seoul more often, but it is Beijing that sends people back.
    text = (
        "Stop sending them back\n\n"
        "Seoul has asked about the case. Seoul says it is worried. Seoul will raise it again. "
        "Chinese police are holding the group in Tumen and plan to send them back next week."
    )
    assert extract_calls(text)[0].addressee == "china"


def test_a_passive_demand_goes_to_the_actor_doing_it_not_to_the_people_protected():
    text = (
        "North Korean guards beat returnees during questioning, and the border police in "
        "Dandong detain anyone without papers.\n\n"
        "The returnees must not be punished."
    )
    assert extract_calls(text)[-1].addressee == "north_korea"


def test_a_vocative_names_who_an_imperative_is_for():
    assert addressee_of("Open the detention centres to inspectors, Beijing!") == "china"
