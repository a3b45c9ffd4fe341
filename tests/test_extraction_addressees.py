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


def test_the_government_is_the_government_of_the_country_the_text_comes_from():
    # A dateline says where a text is written; "the Government" there is that
    # country's. With nothing to say otherwise, the campaign's texts are Korean.
    text = (
        "OTTAWA – Refugee advocates met officials on Monday.\n\n"
        "Canadian churches have sponsored four families. The Government should do more."
    )
    assert extract_calls(text)[-1].addressee == "other"
    assert addressee_of("The government should raise the case with Beijing.") == (
        "south_korea_government"
    )


def test_an_unqualified_office_scores_below_the_approval_line_when_the_country_is_unsaid():
    # A text that names Tokyo a little more than Seoul and has no dateline may be
    # either country's: "the Government" stays a call, its confidence drops below 0.85.
    both = "Tokyo and Seoul both say they are worried, and Tokyo has offered help. "
    call = extract_calls(both + "The Government should raise the case with Beijing.")[0]
    assert call.score < 0.85
    call = extract_calls(both + "Seoul should raise the case with Beijing.")[0]
    assert call.score >= 0.85


def test_a_text_that_names_no_other_country_is_korean_and_our_government_is_seoul():
    call = extract_calls("China keeps the families apart. Our government must speak up.")[0]
    assert (call.addressee, call.score >= 0.85) == ("south_korea_government", True)


def test_a_text_that_keeps_naming_another_country_has_that_countrys_government():
    text = (
        "Washington has said little. The United States admitted few refugees last year, and "
        "America can do more. Congress is divided. The Administration should lead."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_a_speaker_turning_to_someone_addresses_the_rest_of_the_paragraph_to_them():
    text = (
        "Thank you all for coming out in the cold.\n\n"
        "To the United Nations: you have the reports on your desks. Send someone to the "
        "border.\n\n"
        "To everyone here: bring a friend next week."
    )
    assert [(c.sentence, c.addressee) for c in extract_calls(text)] == [
        ("Send someone to the border.", "international_community"),
        ("To everyone here: bring a friend next week.", "public"),
    ]


def test_an_ambassador_with_no_country_is_the_one_whose_embassy_the_text_names():
    text = (
        "Remarks outside the Chinese Embassy, 4 May\n\n"
        "To the ambassador inside: come out and hear these families."
    )
    assert extract_calls(text)[-1].addressee == "china"


def test_a_headline_is_for_whoever_the_body_asks_the_same_thing_of():
    text = (
        "Press Beijing to free the students\n\n"
        "The Australian government should press Beijing to free the two students held in "
        "Dalian since March."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["other", "other"]


def test_a_letter_to_a_named_person_of_no_state_is_for_other():
    text = (
        "Dear Mr. Lindqvist,\n\n"
        "Your airline flew the deportees to Pyongyang. We ask you to refuse such charters."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_a_pronoun_stands_for_what_the_sentences_before_are_about():
    # "It" is Seoul: the subject of the sentence before, through another "It".
    text = (
        "Seoul would do well to reopen its channel to Beijing. It should name an envoy. "
        "It should offer to take every detainee China releases."
    )
    assert [c.addressee for c in extract_calls(text)] == ["south_korea_government"] * 3


def test_a_pronoun_takes_an_earlier_clause_of_its_own_sentence():
    call = extract_calls("Japan has a seat on the council, and it should use it.")[0]
    assert call.addressee == "other"


def test_members_of_the_council_are_the_international_community():
    assert addressee_of("We ask the members of this Council to visit the border.") == (
        "international_community"
    )


def test_the_state_party_is_the_state_whose_report_a_treaty_body_reviews():
    text = (
        "Concluding observations on the fifth periodic report of China\n\n"
        "14. The Committee recommends that the State party:\n"
        "(a) Stop returning women to the Democratic People's Republic of Korea;\n"
        "(b) Register the children of such women at birth."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china", "china"]


def test_the_end_of_the_norths_official_name_is_not_the_south():
    assert addressee_of("The Democratic People's Republic of Korea must free the returnees.") == (
        "north_korea"
    )


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        # a nationality and what a state acts through name that state
        ("Canadian diplomats should ask to visit the detainees.", "other"),
        ("Chinese negotiators must put the returns on the table.", "china"),
        ("South Korean envoys ought to travel to Jilin.", "south_korea_government"),
        # several actors together, none of them named
        ("Donors should tie their funding to access for the agency.", "international_community"),
        ("Aid agencies should keep records of every return.", "international_community"),
        ("Delegations must raise the returns in the review.", "international_community"),
    ],
)
def test_offices_of_a_state_and_unnamed_groups_of_actors(sentence, addressee):
    assert addressee_of(sentence) == addressee


def test_the_aim_of_a_states_policy_is_asked_of_that_state():
    assert addressee_of("The first aim of Canadian policy should be to resettle them.") == "other"
    assert extract_calls("The answer should be to wait and see.") == []


def test_how_an_actor_is_to_be_is_a_demand_on_it_and_on_no_one_else():
    assert addressee_of("Seoul must not be silent while they are sent back.") == (
        "south_korea_government"
    )
    assert addressee_of("Japan should be the first to offer them a home.") == "other"
    # not what a thing or the people concerned should be
    assert extract_calls("The journey should not be a death sentence.") == []
    assert extract_calls("Refugees should not be silent about what they saw.") == []


def test_victims_spared_by_a_negated_demand_is_asked_of_whoever_harms_them():
    text = (
        "Chinese police detained the women in Yanji last week and are holding them in a "
        "border jail. Mothers who were trafficked must not be punished twice. "
        "Mothers who were trafficked must not pay for the crimes of their traffickers."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["china", "china"]
    assert calls[1].ask == (
        "Ensure that mothers who were trafficked do not pay for the crimes of their traffickers"
    )
    assert calls[1].score < 0.85  # the actor is inferred


def test_promises_of_someone_named_before_are_theirs_to_keep():
    text = (
        "The international community has promised many times to protect them. "
        "It is time for those promises to be kept."
    )
    calls = extract_calls(text)
    assert [(c.addressee, c.ask) for c in calls] == [
        ("international_community", "Ensure that those promises are kept")
    ]


def test_the_minister_in_a_parliamentary_debate_is_the_one_answering_to_it():
    text = (
        "LONDON – Members debated the returns on Tuesday.\n\n"
        "I have one request for the Minister. I urge him to meet the families this month."
    )
    assert addressee_of(text) == "other"  # the home government: the United Kingdom's


def test_the_conduct_of_your_police_in_a_letter_is_the_saluted_actors():
    text = (
        "Dear President Xi,\n\n"
        "Every month your police arrest families near the river and hand them over at the "
        "bridge. The families must not be sent back."
    )
    assert extract_calls(text)[-1].addressee == "china"


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        (
            "If you are a diplomat in Geneva, please raise the case this week.",
            "international_community",
        ),
        ("If you are an official of the Chinese government, please read their files.", "china"),
    ],
)
def test_an_if_clause_says_who_an_imperative_is_for(sentence, addressee):
    assert addressee_of(f"The hearing opens on Monday.\n\n{sentence}") == addressee


def test_let_us_in_a_parliament_is_the_parliament_acting():
    text = "LONDON – Members met on Tuesday.\n\nLet us send a clear message from this House today."
    assert addressee_of(text) == "other"


def test_your_detention_centres_belong_to_whoever_the_text_shows_detaining():
    text = (
        "Chinese police are holding the women in Tumen.\n\n"
        "Please let the women in your detention centres go to the South."
    )
    assert extract_calls(text)[-1].addressee == "china"


def test_a_capitalised_states_is_a_name_not_a_reporting_verb():
    sentence = "Member States that have not done so should fund the repository."
    assert addressee_of(sentence) == "international_community"


def test_the_ministry_after_a_named_ministry_is_that_ministry():
    text = (
        "Lawmakers asked the Unification Ministry last month how many returnees it knows of. "
        "The ministry should answer them in full."
    )
    assert extract_calls(text)[-1].addressee == "south_korea_government"


def test_unnamed_countries_are_the_international_community():
    assert addressee_of("Some countries should look at their own records first.") == (
        "international_community"
    )


# --- who "you", "they" and bare offices are -----------------------------------------


def test_mr_president_in_a_letters_header_or_greeting_is_the_texts_own_president():
    text = (
        "An open letter to Mr. President\n\nDear Mr. President,\n\nOur relatives have been "
        "held in Chinese detention centres for months. We ask you to raise their case with "
        "Beijing when you meet President Xi."
    )
    assert [c.addressee for c in extract_calls(text)] == ["south_korea_government"]


def test_a_letter_to_friends_asks_the_readers():
    text = (
        "Safe Crossing Fund\n\nDear friends,\n\nThis spring the shelter in Chiang Mai took in "
        "nine women. Second, phone your senators this week.\n\nWith thanks,\nMi-rae"
    )
    assert [c.addressee for c in extract_calls(text)] == ["public"]


def test_the_items_under_x_should_are_for_x():
    text = (
        "The Japanese Government should:\n- raise the detainees with Beijing at every "
        "meeting;\n- offer places to families who reach Bangkok."
    )
    assert [c.addressee for c in extract_calls(text)] == ["other", "other"]


def test_they_after_members_of_the_public_are_those_people_not_the_place_they_stood():
    text = (
        "Demonstrators outside the Chinese embassy in Canberra burned a flag on Saturday. "
        "They should think again."
    )
    assert [c.addressee for c in extract_calls(text)] == ["public"]


def test_the_authorities_of_a_text_from_nowhere_are_the_last_state_office_named():
    text = (
        "Rights experts working with the United Nations today called on the Government of "
        "China to stop the returns from Jilin. They also urged the authorities to keep "
        "mothers with their children."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["china", "china"]
    assert calls[1].score < 0.85  # which authorities is the context's to say


def test_a_named_actor_told_in_the_passive_is_not_the_one_asked():
    letter = (
        "Dear High Commissioner,\n\nWe write about the women held in Tumen. Pyongyang's "
        "guards wait at the bridge. Beijing must be reminded that returns are unlawful."
    )
    assert extract_calls(letter)[-1].addressee == "international_community"


def test_roman_numerals_number_the_items_of_a_sub_list():
    text = (
        "That the Senate calls on the Australian Government to:\n(i) raise the returns with "
        "China at the next dialogue, and\n(ii) consider resettling families with links here."
    )
    assert [c.addressee for c in extract_calls(text)][-2:] == ["other", "other"]


def test_ministers_opening_a_sentence_are_the_texts_own_government():
    text = "LONDON - The dialogue with China opens on Monday. Ministers should raise the cases."
    assert extract_calls(text)[-1].addressee == "other"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pyongyang's remaining friends should tell it to stop the punishments.",
        "Beijing's trading partners must make access a condition of every deal.",
    ],
)
def test_a_states_friends_and_partners_are_other_states_not_that_state(sentence):
    assert [c.addressee for c in extract_calls(sentence)] == ["international_community"]


def test_a_quotation_that_opens_with_it_refers_back_like_any_pronoun():
    text = (
        "Steppe Aid\n\nPRESS RELEASE\n\nSteppe Aid today urged Mongolia to keep its border "
        'open.\n\n"Mongolia has let people through for decades," said Bat Enkh, the group\'s '
        'director. "It must not give in to pressure now."'
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_a_joint_letter_greeting_excellencies_is_to_whom_its_title_names():
    text = (
        "Joint NGO letter to the Human Rights Council\n\nExcellencies,\n\nWe write ahead of "
        "the dialogue on the DPRK. We urge you to support a resolution on returnees."
    )
    assert [c.addressee for c in extract_calls(text)] == ["international_community"]


def test_a_text_that_names_another_country_twice_and_korea_never_is_that_countrys():
    text = (
        "I have written to the State Department twice. The Senate has held one hearing. "
        "I am asking the administration to raise the returns in every meeting with Beijing."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_the_minister_in_lower_case_is_the_texts_own_minister():
    text = "LONDON - Talks with China open next week. The minister should press China on them."
    assert extract_calls(text)[-1].addressee == "other"


def test_a_committee_reports_bare_government_is_its_own_even_after_another_state():
    text = (
        "HOUSE OF COMMONS\nCANADA\n\nReport of the Standing Committee on Human Rights\n\n"
        "The Committee calls on the Government of the People's Republic of China to end "
        "the returns.\n\n"
        "The Committee requests that the Government table a response to this report."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_a_greeting_by_title_alone_is_the_one_the_letters_header_names():
    text = (
        "OPEN LETTER\n\nTo: The President of the Supreme Court of the People's Republic "
        "of China\n\nSeoul, 3 May 2026\n\nDear Mr. President,\n\n"
        "We ask you to hear the cases of the detained women.\n\nYours sincerely,\n"
    )
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_the_members_of_the_writers_own_community_are_the_public():
    calls = extract_calls("I ask every household in our village to light a candle for them.")
    assert [c.addressee for c in calls] == ["public"]


def test_a_body_its_names_belongs_to_the_actor_the_sentences_before_were_about():
    text = (
        "Seoul has said nothing about the women sent back last month. "
        "Its foreign affairs committee should summon the Chinese ambassador."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["south_korea_government"]
    assert calls[0].score < 0.85  # the owner is inferred from a pronoun


def test_the_concerned_authorities_are_the_ones_the_text_names_before():
    text = (
        "Police in Jilin province detained eleven people this week under the Chinese "
        "authorities' border rules. We urge the concerned authorities to release them."
    )
    assert extract_calls(text)[-1].addressee == "china"
