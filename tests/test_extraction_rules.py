"""One rule at a time: what the extractor treats as a call to action, and what not.

Every sentence here is written for these tests; none comes from the seed
editorials.
"""

import pytest

from articles.extraction import ADDRESSEES, Call, extract_calls


def only_call(text):
    calls = extract_calls(text)
    assert len(calls) == 1, calls
    return calls[0]


def assert_no_call(text):
    assert extract_calls(text) == [], text


# --- positive rules -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("The Foreign Ministry ought to summon the Chinese ambassador.", "south_korea_government"),
        ("Readers should write to their representatives.", "public"),
        ("Pyongyang must end its shoot-to-kill order at the border.", "north_korea"),
        ("The Chinese authorities must release their detainees at once.", "china"),
        (
            "The international community needs to hold Beijing to account.",
            "international_community",
        ),
        # One other state is "other"; several together are the international community.
        ("Washington has to raise the issue at every summit.", "other"),
        ("Beijing should never send refugees back to persecution.", "china"),
        ("China would do well to reconsider its border policy.", "china"),
    ],
)
def test_subject_with_a_deontic_modal_is_a_call(sentence, addressee):
    call = only_call(sentence)
    assert call.addressee == addressee
    assert call.sentence == sentence


def test_first_person_plural_obligation_is_a_call_to_the_public():
    call = only_call("We must keep the detainees' names in the news.")
    assert call.addressee == "public"
    assert call.ask == "Keep the detainees' names in the news"


@pytest.mark.parametrize(
    ("sentence", "addressee", "ask"),
    [
        (
            "It is essential that Beijing grant the detainees safe passage.",
            "china",
            "Grant the detainees safe passage",
        ),
        (
            "It is time for the Unification Ministry to speak up.",
            "south_korea_government",
            "Speak up",
        ),
        (
            "It is urgent that the U.N. send monitors to the border.",
            "international_community",
            "Send monitors to the border",
        ),
    ],
)
def test_impersonal_necessity_with_a_named_agent_is_a_call_to_that_agent(sentence, addressee, ask):
    call = only_call(sentence)
    assert (call.addressee, call.ask) == (addressee, ask)


def test_impersonal_necessity_without_an_agent_is_a_call_to_the_public():
    call = only_call("It is crucial to keep the detainees' names in the news.")
    assert call.addressee == "public"
    assert call.ask == "Keep the detainees' names in the news"


def test_impersonal_necessity_after_a_paragraph_about_our_government_goes_to_the_government():
    text = (
        "The Unification Ministry has said nothing for weeks. Our government fears Beijing.\n\n"
        "Silence helps no one. It is imperative not to look away."
    )
    call = only_call(text)
    assert call.addressee == "south_korea_government"
    assert call.ask == "Do not look away"


@pytest.mark.parametrize(
    ("sentence", "addressee", "ask"),
    [
        (
            "We urge the government to raise the matter at the next summit.",
            "south_korea_government",
            "Raise the matter at the next summit",
        ),
        (
            "We call on the United Nations to open an inquiry.",
            "international_community",
            "Open an inquiry",
        ),
        (
            "We demand that Pyongyang stop punishing the families of escapees.",
            "north_korea",
            "Stop punishing the families of escapees",
        ),
        ("We ask readers not to look away.", "public", "Do not look away"),
    ],
)
def test_the_author_urging_someone_is_a_call_to_the_one_urged(sentence, addressee, ask):
    call = only_call(sentence)
    assert (call.addressee, call.ask) == (addressee, ask)


def test_we_cannot_remain_silent_is_a_call_to_the_public():
    call = only_call("We cannot stay silent while families are torn apart.")
    assert call.addressee == "public"
    assert call.ask == "Do not stay silent while families are torn apart"


def test_the_only_way_is_to_is_a_call():
    call = only_call("The only answer is to give every escapee a safe route to the South.")
    assert call.addressee == "public"
    assert call.ask == "Give every escapee a safe route to the South"


def test_the_only_way_with_a_named_agent_is_a_call_to_that_agent():
    call = only_call("The only way forward is for Seoul to take the case to the U.N.")
    assert call.addressee == "south_korea_government"


def test_an_imperative_headline_is_a_call_to_the_actor_it_names():
    text = "Stop sending refugees back, Beijing\n\nChina detained forty people last week."
    calls = extract_calls(text)
    assert [c.sentence for c in calls] == ["Stop sending refugees back, Beijing"]
    assert calls[0].addressee == "china"


def test_an_exclamation_is_a_call_to_the_main_actor_of_the_article():
    text = "Stop the repatriations!\n\nChina sends people back. China ignores the convention."
    call = only_call(text)
    assert call.addressee == "china"
    assert call.ask == "Stop the repatriations"


def test_an_imperative_asking_readers_to_act_is_a_call_to_the_public():
    call = only_call("Sign the petition to the Chinese embassy today.")
    assert call.addressee == "public"


def test_a_pronoun_subject_is_resolved_to_the_most_recent_actor():
    text = "Beijing signed the refugee convention. It should honour that signature."
    call = only_call(text)
    assert call.addressee == "china"
    assert call.sentence == "It should honour that signature."


def test_a_leading_subordinate_clause_is_not_part_of_the_ask():
    call = only_call("If the talks fail, the government should take the case to the U.N.")
    assert call.ask == "Take the case to the UN"
    assert call.addressee == "south_korea_government"


def test_a_parenthetical_after_the_subject_does_not_hide_it():
    call = only_call("North Korea, for its part, must stop punishing relatives.")
    assert call.addressee == "north_korea"
    call = only_call("The Chinese government, which signed the convention, should honour it.")
    assert call.addressee == "china"


def test_the_subject_who_acts_is_the_addressee_not_the_one_acted_upon():
    call = only_call("Seoul must press Beijing to free the detainees.")
    assert call.addressee == "south_korea_government"
    call = only_call("Beijing also needs to press Pyongyang to open its borders.")
    assert call.addressee == "china"


def test_a_passive_demand_is_a_call_to_the_actor_in_context():
    text = "China holds sixty people in Dandong. The detainees must be released."
    call = only_call(text)
    assert call.addressee == "china"
    assert call.ask == "Ensure that the detainees are released"


def test_an_unknown_actor_is_classed_as_other():
    call = only_call("The shipping companies should refuse to carry the detainees.")
    assert call.addressee == "other"


# --- asks -------------------------------------------------------------------


def test_ask_turns_its_into_your_when_it_refers_to_the_addressee():
    call = only_call("China should put an end to its merciless policy.")
    assert call.ask == "Put an end to your merciless policy"


def test_ask_turns_their_into_your_for_a_plural_addressee():
    call = only_call("The Chinese authorities must close their detention centres.")
    assert call.ask == "Close your detention centres"


def test_ask_keeps_its_when_it_refers_to_someone_else():
    call = only_call("Beijing must urge Pyongyang to end its purges.")
    assert call.ask == "Urge Pyongyang to end its purges"


def test_ask_keeps_their_when_it_refers_to_the_victims():
    call = only_call("China should not return them if their lives are at risk.")
    assert call.ask == "Do not return them if their lives are at risk"


def test_ask_is_capitalised_and_has_no_final_period():
    call = only_call("Seoul must act now.")
    assert call.ask == "Act now"


def test_ask_of_a_negated_modal_starts_with_do_not_or_never():
    assert only_call("Beijing must not deport them.").ask == "Do not deport them"
    assert only_call("Beijing must never deport them.").ask == "Never deport them"


def test_ask_expands_the_abbreviation_for_north_korean():
    call = only_call("Beijing must stop deporting N.K. escapees")
    assert call.ask == "Stop deporting North Korean escapees"


def test_call_fields_are_well_formed():
    call = only_call("China should stop the repatriations.")
    assert isinstance(call, Call)
    assert call.addressee in ADDRESSEES
    assert 0.0 <= call.score <= 1.0
    assert call.as_dict()["ask"] == "Stop the repatriations"


def test_repeated_text_is_reported_once_per_occurrence():
    paragraph = "China should stop the repatriations."
    text = paragraph + "\n\n" + paragraph
    calls = extract_calls(text)
    assert [c.start for c in calls] == [0, len(paragraph) + 2]


# --- negative rules -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Defectors caught in China must hide from the police.",
        "Many escapees have to pay brokers thousands of dollars.",
        "They live in a country where they must obey every order.",
    ],
)
def test_a_descriptive_modal_is_not_a_call(sentence):
    assert_no_call(sentence)


def test_a_past_obligation_is_not_a_call():
    assert_no_call("China had to bear the criticism of the whole world.")


def test_a_retrospective_should_have_is_not_a_call():
    assert_no_call("Seoul should have acted sooner.")
    assert_no_call("The ministry ought to have protested at once.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing will insist that the returnees are illegal migrants.",
        "China is likely to continue the deportations.",
        "The government plans to raise the issue next month.",
        "China will have to explain itself at the council.",
    ],
)
def test_a_prediction_or_plan_is_not_a_call(sentence):
    assert_no_call(sentence)


def test_speculation_about_motives_is_not_a_call():
    assert_no_call("It may want to avoid angering its ally.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Activists say that China must stop the deportations.",
        "The lawmakers passed a resolution demanding that Beijing halt the returns.",
        "The UNHCR called on China to respect the principle of non-refoulement.",
        "The committee recommended that China stop the returns.",
        "China says the returnees must be punished.",
        "According to the envoy, Beijing should allow consular visits.",
    ],
)
def test_a_reported_demand_is_not_a_call(sentence):
    assert_no_call(sentence)


def test_a_quoted_demand_is_not_the_papers_own_call():
    assert_no_call("“China must stop,” the activist said.")
    assert_no_call('The banner read: "Beijing must free them all.')


def test_a_reported_stance_with_an_inverted_should_is_not_a_call():
    assert_no_call(
        "The ministry repeated its position that under no circumstances "
        "should escapees be sent back."
    )


def test_a_legal_description_is_not_a_call():
    assert_no_call("Under the convention, states must not return refugees to persecution.")
    assert_no_call("The convention prohibits returning refugees to danger.")


def test_a_condemnation_without_a_directive_is_not_a_call():
    assert_no_call("China's conduct is a disgrace to a permanent member of the council.")


def test_a_rhetorical_question_is_not_a_call():
    assert_no_call("How long will the world stay silent?")
    assert_no_call("Shouldn't Seoul at least protest?")


def test_expressive_sentences_are_not_calls():
    assert_no_call("We welcome the release of the four defectors.")
    assert_no_call("The ministry hopes that Beijing will show leniency.")


@pytest.mark.parametrize(
    "line",
    [
        "Back To Top",
        "Share this article",
        "Print",
        "(Reporting by the campaign desk.)",
        "Protesters outside the embassy (Mar. 3. 2025)/Yonhap",
        "Sign up for our newsletter",
    ],
)
def test_boilerplate_is_not_a_call(line):
    assert_no_call(line)


def test_a_heading_that_is_not_a_directive_is_not_a_call():
    assert_no_call("China is violating humanitarian principles")
    assert_no_call("? The campaign to protest the returns")


def test_epistemic_and_meta_uses_of_modals_are_not_calls():
    assert_no_call("It must be difficult for the families.")
    assert_no_call("It should be noted that China signed the convention.")
    assert_no_call("The government must have known about the arrests.")
    assert_no_call("There is no need to repeat the figures.")


def test_a_conditional_should_is_not_a_call():
    assert_no_call("If China should refuse, the matter goes to the council.")


def test_a_modal_in_a_relative_clause_is_not_a_call():
    assert_no_call("They are refugees who must flee again and again.")


def test_an_evaluative_statement_about_a_thing_is_not_a_call():
    assert_no_call("The figure should alarm anyone who follows the issue.")


def test_an_ability_statement_is_not_a_call():
    assert_no_call("Escapees cannot return home.")


def test_a_demand_attributed_at_the_end_of_the_sentence_is_reported():
    assert_no_call("The government has to decide by Friday, officials said.")


def test_an_opinion_held_by_others_is_not_the_papers_call():
    assert_no_call("Some analysts argue that China should soften its stance.")
    assert_no_call("Some lawmakers think the government should stay quiet.")


def test_the_papers_own_opinion_clause_is_a_call():
    call = only_call("We believe that Beijing must change course.")
    assert call.addressee == "china"
    assert call.ask == "Change course"


def test_an_emotion_after_should_be_is_not_a_call():
    assert_no_call("China should be ashamed.")
    assert_no_call("Beijing must be worried about a collapse of the regime.")


def test_a_pronoun_with_nobody_to_refer_to_is_not_a_call():
    assert_no_call("If they are caught, they must pay a fine.")


def test_south_korea_named_as_an_actor_means_the_government():
    call = only_call("South Korea must accept every escapee who reaches its embassies.")
    assert call.addressee == "south_korea_government"
    assert call.ask == "Accept every escapee who reaches your embassies"


def test_a_passive_ask_keeps_proper_nouns_capitalised():
    call = only_call("Beijing needs to be held accountable.")
    assert call.ask == "Ensure that Beijing is held accountable"


def test_presidents_and_korea_alone_name_the_south_korean_government():
    assert only_call("President Lee Jae-myung must raise the issue with Xi.").addressee == (
        "south_korea_government"
    )
    assert only_call("The Yoon Suk Yeol administration should take a firmer stance.").addressee == (
        "south_korea_government"
    )
    call = only_call("Korea should play a bigger role at the U.N.")
    assert call.addressee == "south_korea_government"
    assert call.ask == "Play a bigger role at the UN"


def test_it_is_time_that_with_a_past_verb_gives_a_present_ask():
    call = only_call("It is high time that Beijing abandoned its outdated policy.")
    assert call.addressee == "china"
    assert call.ask == "Abandon your outdated policy"


def test_it_would_be_wise_for_an_actor_to_is_a_recommendation():
    call = only_call("It would be wise for Seoul to raise the issue at the summit.")
    assert call.addressee == "south_korea_government"
    assert call.ask == "Raise the issue at the summit"


def test_actor_pattern_gates_do_not_hide_any_match():
    import re
    from pathlib import Path

    from articles.extraction.actors import ACTOR_SOURCES

    root = Path(__file__).resolve().parent.parent
    corpus = "\n".join(
        p.read_text(encoding="utf-8")
        for p in [
            *root.glob("articles/editorials/*.txt"),
            *root.glob("tests/data/extraction/*.txt"),
            *root.glob("tests/data/extraction/dev/*.txt"),
            *root.glob("tests/data/extraction/dev2/*.txt"),
        ]
    )
    corpus += (
        "\nPresident Yoon, President Lee Jae-myung, the Moon Jae-in government, Korea, "
        "Cheong Wa Dae, the Blue House, lawmakers, Legislators, the Unification Ministry, "
        "Kim Jong-un, the Kim regime, the North, Xi Jinping, President Xi, the CCP, "
        "Democracies, democratic nations, member states, other countries, Japan, allies, "
        "signatory states, the West, Washington, the U.S., the US, UNHCR, U.N., UN, "
        "the Government of Canada, the authorities in Pyongyang, the DPRK, the PRC, "
        "the Republic of Korea, our own government, Lawmakers, the Foreign Ministry, "
        "the Home Office, all States, the High Commissioner, members of the Council\n"
    )
    for addressee, gate, source in ACTOR_SOURCES:
        gated = [m.span() for m in re.finditer(f"\\b(?=[{gate}])(?:{source})", corpus)]
        plain = [m.span() for m in re.finditer(source, corpus)]
        assert gated == plain, addressee


def test_a_bare_policy_in_the_ask_is_named_from_earlier_in_the_text():
    text = (
        "Beijing keeps its practice of handing escapees over to border guards, "
        "whatever the cost. China must end this practice."
    )
    call = only_call(text)
    assert call.ask == "End this practice of handing escapees over to border guards"


def test_a_bare_policy_stays_as_it_is_when_the_text_never_names_it():
    call = only_call("China should put an end to its merciless policy.")
    assert call.ask == "Put an end to your merciless policy"


def test_ask_keeps_their_when_a_plural_noun_comes_first():
    call = only_call("The Chinese authorities should let the detainees call their families.")
    assert call.ask == "Let the detainees call their families"


def test_ask_stops_before_a_second_clause_with_its_own_subject():
    call = only_call("Beijing should free the women, and Seoul must offer them a home.")
    assert call.addressee == "china"
    assert call.ask == "Free the women"


def test_cannot_wait_is_a_call_to_act_now():
    call = only_call("The government cannot wait for a better moment.")
    assert call.addressee == "south_korea_government"
    assert call.ask == "Do not wait for a better moment"


def test_must_be_ready_to_asks_for_an_attitude():
    call = only_call("Seoul must be ready to take the women in.")
    assert call.ask == "Be ready to take the women in"


def test_a_reporting_verb_in_an_earlier_clause_does_not_silence_a_later_demand():
    text = "The envoy has asked to see the detainees; Beijing should grant that request."
    call = only_call(text)
    assert call.addressee == "china"
    assert call.ask == "Grant that request"


def test_speech_introduced_by_a_colon_stays_reported():
    assert_no_call("The spokesman said: Seoul must mind its own affairs.")


def test_a_relative_clause_does_not_change_who_the_subject_is():
    assert_no_call("Defectors who reach South Korea must go through a long screening.")
    call = only_call("Everyone who cares about refugees should sign the petition.")
    assert call.addressee == "public"


def test_an_epistemic_must_is_a_guess_not_a_demand():
    assert_no_call("China must surely know what awaits the returnees.")
    assert_no_call("Seoul must have its reasons for staying quiet.")


def test_a_remark_addressed_to_nobody_is_not_a_call():
    assert_no_call("You have to wonder why Beijing clings to this policy.")
    assert_no_call("We have to admit that pressure has achieved little so far.")


def test_our_leaders_and_xi_are_named_actors():
    assert only_call("Our leaders must not bow to Beijing.").addressee == "south_korea_government"
    assert only_call("Xi must hear the voices of these mothers.").addressee == "china"


@pytest.mark.parametrize(
    ("sentence", "addressee", "ask"),
    [
        ("Now is the time for Seoul to act.", "south_korea_government", "Act"),
        ("The time has come for the world to act.", "international_community", "Act"),
        (
            "This is the moment to speak up for the detainees.",
            "public",
            "Speak up for the detainees",
        ),
    ],
)
def test_now_is_the_time_is_a_call(sentence, addressee, ask):
    call = only_call(sentence)
    assert (call.addressee, call.ask) == (addressee, ask)


def test_well_advised_is_a_recommendation():
    assert only_call("China would be well advised to reconsider.").ask == "Reconsider"


def test_a_time_clause_is_not_a_call():
    assert_no_call("Now is the time when families gather for the holidays.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Take the case of Ms. Kim, who fled in 2019.",
        "Make no mistake: China knows what happens to returnees.",
        "Let me explain why this matters.",
        "Help came too late for the families.",
        "Support grew among students.",
    ],
)
def test_a_verb_first_sentence_that_is_not_an_instruction_is_not_a_call(sentence):
    assert_no_call(sentence)


def test_an_instruction_in_the_body_that_names_no_actor_speaks_to_readers():
    call = only_call("Keep in mind that the families are listening.")
    assert call.addressee == "public"


def test_a_bare_policy_is_named_with_how_it_works():
    text = (
        "Officials keep to their policy of detaining escapees by handing them to border guards "
        "because they fear a flood of arrivals. The government must abandon its cruel policy."
    )
    calls = extract_calls(text)
    assert [call.ask for call in calls] == [
        "Abandon your cruel policy of detaining escapees by handing them to border guards"
    ]


# --- "could" as a recommendation ---------------------------------------------


def test_could_with_a_named_actor_and_a_chosen_action_is_a_weak_recommendation():
    # Op-eds recommend with "could": "Tokyo could offer ..." asks Tokyo to offer.
    call = only_call("Tokyo could offer to resettle some of the families.")
    assert call.addressee == "other"
    assert call.score < 0.85  # a suggestion, not a demand: never approved unread


@pytest.mark.parametrize(
    "sentence",
    [
        "Returnees could face years in a labour camp.",  # what may befall them
        "Such a move could trigger a wave of arrests.",  # a consequence
        "The group could be sent back within days.",  # a passive risk
        "This could put their relatives at risk.",  # no actor at all
        "Beijing could send them back at any moment.",  # a threat, not a recommendation
    ],
)
def test_could_describing_a_risk_or_a_consequence_is_not_a_call(sentence):
    assert_no_call(sentence)


# --- asks from longer sentences -----------------------------------------------


def test_an_ask_from_a_quote_ends_with_the_quote_not_with_its_attribution():
    text = (
        "Border Lantern Society urges Beijing to act. Border Lantern Society said today it "
        "had written to the embassy.\n\n"
        '"Beijing should free them," said Han Ji-won of Border Lantern Society.'
    )
    asks = [c.ask for c in extract_calls(text)]
    assert "Free them" in asks


def test_an_ask_stops_at_a_colon_or_semicolon_that_opens_another_clause():
    assert only_call("Seoul should take them in: Japan has already taken four.").ask == (
        "Take them in"
    )


def test_coordinated_infinitives_of_a_demand_read_as_one_ask():
    call = only_call("We urge Beijing to free the group and to let UNHCR see them.")
    assert call.ask == "Free the group and let UNHCR see them"


def test_a_second_modal_in_the_same_demand_is_dropped_from_the_ask():
    call = only_call("Pyongyang must stop the beatings and must release the returnees.")
    assert call.ask == "Stop the beatings and release the returnees"


def test_the_subjects_own_further_doing_is_not_part_of_the_ask():
    call = only_call(
        "We urge churches to pray for the detainees this Sunday, and have printed a guide."
    )
    assert call.ask == "Pray for the detainees this Sunday"


def test_an_infinitive_inside_a_relative_clause_is_not_the_ask():
    call = only_call("We encourage readers who want to help the families to write to the embassy.")
    assert call.ask == "Write to the embassy"


def test_a_passive_ask_agrees_with_the_head_noun_of_its_subject():
    text = "Chinese police hold them in Tumen. Women who fled forced marriages must be protected."
    assert extract_calls(text)[-1].ask == (
        "Ensure that women who fled forced marriages are protected"
    )


def test_it_is_high_time_without_that_is_a_call():
    call = only_call("It is high time Beijing let the families go.")
    assert (call.addressee, call.ask) == ("china", "Let the families go")


def test_words_that_open_a_name_are_no_imperative_when_the_name_is_the_subject():
    assert_no_call("Help Line volunteers answered three hundred calls last week.")
    assert only_call("Free Kim Ok-sun and her son now.").ask == "Free Kim Ok-sun and her son now"


def test_a_colon_after_someone_elses_words_does_not_make_them_the_authors():
    assert_no_call("As one diplomat put it: Seoul must stop pretending.")


def test_an_aside_between_the_modal_and_the_verb_does_not_hide_the_demand():
    call = only_call("Seoul must, at the very least, protest.")
    assert (call.addressee, call.ask) == ("south_korea_government", "Protest")


def test_a_request_put_as_a_question_with_a_marker_of_request_is_a_call():
    calls = extract_calls("Would the Foreign Secretary be willing to meet the families?")
    assert [(c.addressee, c.ask) for c in calls] == [("other", "Meet the families")]
    assert extract_calls("Could Britain change China's policy on its own?") == []
    assert extract_calls("Will it be enough?") == []


def test_the_most_useful_thing_you_can_do_is_an_ask_of_the_reader():
    text = "The most useful thing you can do is write to your MP this week."
    assert [(c.addressee, c.ask) for c in extract_calls(text)] == [
        ("public", "Write to your MP this week")
    ]


def test_two_words_in_running_prose_can_be_an_order_but_not_alone_on_a_line():
    assert [c.sentence for c in extract_calls("That is all. Stand firm.")] == ["Stand firm."]
    assert extract_calls("Act now") == []


def test_renewing_a_request_or_continuing_to_call_is_a_demand():
    found = [
        (c.addressee, c.ask)
        for c in extract_calls(
            "We continue to call on all States to keep their borders open. We renew our request "
            "to the Government of Mongolia to let the agency see the detainees."
        )
    ]
    assert found == [
        ("international_community", "Keep your borders open"),
        ("other", "Let the agency see the detainees"),
    ]


def test_wanting_to_do_something_oneself_asks_nothing_of_anyone():
    assert extract_calls("I want to explain something readers in Seoul find hard to grasp.") == []
    assert [c.addressee for c in extract_calls("I am asking Seoul to say their names.")] == [
        "south_korea_government"
    ]


def test_what_an_actor_should_be_doing_is_a_demand():
    assert [c.addressee for c in extract_calls("The world should be watching Yanji now.")] == [
        "international_community"
    ]
    assert extract_calls("The numbers should be falling by now.") == []


def test_a_concession_in_the_imperative_is_no_order():
    assert extract_calls("Call them what you like: the law protects them.") == []


def test_a_reporters_question_to_the_spokesperson_is_no_request():
    assert extract_calls("Can you confirm the figures?") == []


def test_it_is_time_followed_by_a_bare_subject_is_a_demand_on_it():
    calls = extract_calls("It is time lawmakers of both parties did so again.")
    assert [c.ask for c in calls] == ["Do so again"]


# --- clauses that only look like demands ----------------------------------------


def test_a_request_dated_in_the_past_is_history_not_todays_call():
    release = (
        "Harbour Light Trust\n\nPRESS RELEASE\n\nHarbour Light Trust today urged Seoul to act. "
    )
    assert [
        c.sentence
        for c in extract_calls(
            release + "In a letter sent in April, the trust "
            "asked the Chinese embassy to name the detainees."
        )
    ] == ["Harbour Light Trust today urged Seoul to act."]
    assert (
        len(extract_calls(release + "The trust also asked the Chinese embassy to name them.")) == 2
    )


def test_a_modal_in_a_that_clause_after_a_finite_verb_is_subordinate():
    assert_no_call("Tokyo may worry about a rule that every neighbour could cite.")
    assert_no_call("The ministry has a list that the embassy should have seen.")


def test_a_second_modal_joined_by_and_shares_the_first_ones_subject():
    text = (
        "We urge all delegations to speak in the debate. Their statements should mention the "
        "camps and should name Pyongyang."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["international_community", "international_community"]
    assert calls[1].score < 0.85  # the authors of the statements are inferred


def test_how_someone_should_feel_is_no_demand():
    assert_no_call("Students from the mainland should not feel that the vigil is against them.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Please allow me to refrain from commenting on a case under review.",
        "Let's get to 20,000 names before the embassy vigil!",
        "Meet Hana, who runs our night shelter in Chiang Rai",
    ],
)
def test_formulas_about_the_speaker_a_target_or_a_profile_are_no_orders(sentence):
    assert_no_call(sentence)


# --- demands in the forms of resolutions, newsletters and letters pages --------------


def test_a_resolutions_opening_verb_makes_its_paragraph_the_texts_own():
    text = (
        "The Assembly,\n\n3. Believes that the Canadian Government should open a resettlement "
        "stream for North Koreans;\n\n4. Regrets the silence of the ministry; encourages the "
        "Government of Mongolia to keep its border crossings open;"
    )
    calls = extract_calls(text)
    assert [(c.addressee, c.ask) for c in calls] == [
        ("other", "Open a resettlement stream for North Koreans"),
        ("other", "Keep its border crossings open"),  # "your" only for the campaign's offices
    ]


@pytest.mark.parametrize(
    ("sentence", "ask"),
    [
        ("Readers who live nearby can join the vigil on Friday.", "Join the vigil on Friday"),
        (
            "Supporters who feel strongly can write to the consul through our action page.",
            "Write to the consul through our action page",
        ),
    ],
)
def test_what_readers_can_do_is_offered_as_a_weak_call_to_them(sentence, ask):
    call = only_call(sentence)
    assert (call.addressee, call.ask) == ("public", ask)
    assert call.score < 0.85


@pytest.mark.parametrize(
    "sentence",
    [
        "You can also send the letter in Korean.",  # leave, not a request
        "Beijing can help them by letting them leave.",  # a power, not an invitation
        "Readers can see the full list below.",  # not an action to take
    ],
)
def test_can_without_a_reader_and_a_readers_action_is_not_a_call(sentence):
    assert_no_call(sentence)


def test_a_pseudo_cleft_says_what_is_asked():
    call = only_call("No one wants a trade war; what we are asking is that Seoul keep its word.")
    assert (call.addressee, call.ask) == ("south_korea_government", "Keep your word")


def test_a_frame_after_a_connective_and_a_manner_adverb_do_not_hide_an_order():
    call = only_call("Second, if you live in Busan, please come to the vigil on Saturday.")
    assert call.ask == "Come to the vigil on Saturday"
    text = "We urge the Chinese authorities to:\n- Urgently release the nine women held in Yanji;"
    assert [c.ask for c in extract_calls(text)][-1] == "Release the nine women held in Yanji"


def test_a_callers_script_asks_whom_the_caller_rings():
    text = (
        'Here is what you can say:\n\n"Hi, I live in your district. I am calling to ask the '
        'Congresswoman to co-sponsor the refugee bill."'
    )
    assert [c.ask for c in extract_calls(text)] == ["Co-sponsor the refugee bill"]


def test_cannot_afford_to_be_silent_asks_to_speak():
    call = only_call("Tokyo cannot afford to be silent while the women are sent back.")
    assert call.addressee == "other"


def test_a_headline_of_the_we_who_sign_is_their_own_call():
    text = (
        "Thirty organisations ask Seoul to raise the returns with Beijing\n\n"
        "We, the undersigned human rights organisations, write ahead of the summit in May. "
        "We urge the President to raise the returns."
    )
    assert [c.addressee for c in extract_calls(text)] == [
        "south_korea_government",
        "south_korea_government",
    ]


def test_a_directors_title_with_the_organisations_short_name_ties_the_quote_to_it():
    text = (
        "Harbour Light Refugee Fund\n\nPRESS RELEASE\n\nHarbour Light Refugee Fund today "
        "urged China to stop the transfers of detained women.\n\n"
        '"Every one of them has been sold once," said Anna Reyes, Harbour Light\'s director. '
        '"Beijing must not send them back."'
    )
    assert [c.ask for c in extract_calls(text)][-1] == "Do not send them back"


@pytest.mark.parametrize(
    "sentence",
    [
        "Let's move on to the next question.",  # a chair moving the meeting along
        "Let Beijing explain that to the families.",  # a challenge, not an order
    ],
)
def test_let_us_move_on_and_let_them_explain_are_no_orders(sentence):
    assert_no_call(sentence)


def test_a_manner_adverb_after_be_keeps_a_passive_demand():
    text = "Chinese police hold them in Tumen. Escapees must not be forcibly returned."
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_the_ambassador_is_the_one_whose_country_the_text_named_long_before():
    text = (
        "I have written to the Chinese ambassador in London every month for six years. "
        + "The letters are short. " * 12
        + "The ambassador should tell his government that people here are watching."
    )
    assert extract_calls(text)[-1].addressee == "china"


def test_a_polite_condition_is_a_request():
    text = "Dear Ms Okoye,\n\nI would be grateful if you could raise the returns with the minister."
    assert [c.ask for c in extract_calls(text)] == ["Raise the returns with the minister"]


def test_a_lists_introducer_may_say_whom_its_recommendations_are_for():
    text = (
        "My recommendations to the international community are the following:\n"
        "(a) Keep the returns on the Council's agenda;\n(b) Fund the shelters in transit countries."
    )
    assert [c.addressee for c in extract_calls(text)] == ["international_community"] * 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The rapporteur's team should arrive in Yanji on Thursday.",  # expected, not asked
        "Pyongyang should know by now that the camps are documented.",
        "Officials in Seoul must be wondering what comes next.",  # a deduction
    ],
)
def test_expectations_and_deductions_are_no_demands(sentence):
    assert_no_call(sentence)


def test_what_should_be_going_on_is_still_a_demand():
    assert only_call("Seoul should be receiving the families by now, not turning them away.")


def test_would_like_to_ask_is_a_request_and_inviting_a_speaker_is_not():
    text = "We would also like to ask the international community to help bring them home."
    assert [c.addressee for c in extract_calls(text)] == ["international_community"]
    assert_no_call("I would now like to invite the Ambassador of Norway to respond.")


def test_what_an_actor_ought_to_do_is_a_demand_on_it():
    call = only_call("What the National Assembly ought to do now is hold a hearing every year.")
    assert (call.addressee, call.ask) == ("south_korea_government", "Hold a hearing every year")


def test_a_headline_without_its_article_still_names_the_government():
    text = "Government must summon the Chinese ambassador\n\nSeoul has said nothing for a week."
    assert [c.addressee for c in extract_calls(text)] == ["south_korea_government"]


def test_nouns_that_look_like_orders_in_a_transcript_are_not_orders():
    text = (
        "Press Conference Room, Ministry of Foreign Affairs\n\n"
        "Press Secretary Ito: Japan is following the situation with concern."
    )
    assert extract_calls(text) == []


def test_a_ministrys_briefing_speaks_as_the_government():
    text = (
        "Ministry of Unification\n\nRegular briefing\n\nThe government deeply regrets the "
        "returns. The government once again urges the Chinese government to let them go."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_as_far_as_anyone_can_tell_asks_nothing():
    assert_no_call("The talks have achieved, as far as anyone outside can tell, very little.")


def test_recommendations_listed_as_that_clauses_are_calls_on_their_subjects():
    text = (
        "To the international community, I recommend:\n\n(a) That donors restore funding "
        "for the shelters in Bangkok;\n(b) That States with embassies in Pyongyang press "
        "for access to returnees."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["international_community"] * 2
    assert calls[0].ask == "Restore funding for the shelters in Bangkok"


def test_a_connective_before_we_does_not_hide_the_speaker():
    call = only_call("So now we need the Assembly to vote.")
    assert call.addressee == "south_korea_government"


def test_an_ask_that_only_announces_the_asks_to_come_is_not_one():
    assert_no_call("That is why I am asking you to do three things this week.")
    assert only_call("I ask you to do one thing: write to the embassy.")


def test_a_bare_office_in_a_text_that_names_its_own_country_stays_that_countrys():
    text = (
        "Tokyo has said little. Japan could do more, and Japan should do it now. Chinese "
        "police still hold the families. The Foreign Ministry should ask for their release."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_also_grateful_is_still_a_polite_request():
    text = "Dear Mr Hale,\n\nI would also be grateful if you could sign the motion on the returns."
    assert [c.ask for c in extract_calls(text)] == ["Sign the motion on the returns"]


def test_states_in_lower_case_as_a_subject_are_states_not_a_report():
    text = "Second, states that take in refugees should offer places to North Koreans."
    assert [c.addressee for c in extract_calls(text)] == ["international_community"]
    assert_no_call("The report states that China must act.")


def test_we_will_continue_to_urge_is_the_speakers_demand():
    call = only_call("We will continue to urge China to let UNHCR see the detainees.")
    assert (call.addressee, call.ask) == ("china", "Let UNHCR see the detainees")


def test_learn_and_watch_are_orders_to_readers_but_learn_more_at_a_site_is_a_link():
    assert [c.addressee for c in extract_calls("1) Learn the facts about the returns.")] == [
        "public"
    ]
    assert_no_call("Learn more at openpassage.example.org.")


def test_a_subject_before_an_aside_still_reports():
    assert_no_call("Beijing, for its part, insists that the women must be dealt with by law.")


def test_a_committee_reports_subjunctive_recommendations_are_its_demands():
    text = (
        "OTTAWA - Report of the Subcommittee on International Human Rights\n\n"
        "Recommendation 1\n\n"
        "That the Government of Canada raise the returns with Beijing at every meeting.\n\n"
        "Recommendation 2\n\n"
        "That the Minister of Foreign Affairs report to the Subcommittee within 90 days.\n\n"
        "That the talks will fail is plain to everyone."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["other", "other"]
    assert calls[0].ask.startswith("Raise the returns")


def test_what_it_takes_is_no_demand_and_sign_and_share_is_the_readers():
    assert extract_calls("It should not take a campaign to make ministers speak.") == []
    text = (
        "To: the Commission\n\nWe ask you to act.\n\n"
        "Please sign and share with anyone who cares about refugees."
    )
    assert extract_calls(text)[-1].addressee == "public"


def test_the_next_time_frames_an_order_to_the_reader():
    sentence = (
        'The next time the fish counter offers "cod, processed in China", ask who processed it.'
    )
    assert [c.addressee for c in extract_calls(sentence)] == ["public"]


def test_joining_another_group_in_a_demand_makes_it_the_writers_own():
    text = (
        "We join the Tidewater Network in urging the Secretary-General to visit the border camps."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["international_community"]


def test_high_time_with_that_left_out_asks_the_doer_of_the_conduct_named():
    text = (
        "Last week the Chinese police deported forty people across the river. "
        "It is high time the deportations stopped."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["china"]
    assert calls[0].score < 0.85  # the doer is inferred, not named


def test_a_widget_label_said_inside_a_paragraph_is_the_writers_ask():
    text = (
        "Tell your friends what is happening at the border. Share this article. "
        "Every reader counts.\n\nShare this article\n"
    )
    calls = extract_calls(text)
    assert [(c.sentence, c.addressee) for c in calls][-1] == ("Share this article.", "public")
    assert sum(c.sentence.startswith("Share this") for c in calls) == 1


def test_so_draws_an_order_from_a_reason():
    calls = extract_calls("She is a human being like you, so treat her as one.")
    assert [c.sentence for c in calls] == ["She is a human being like you, so treat her as one."]


def test_so_joining_two_statements_is_no_order():
    assert extract_calls("The border was closed, so families waited in the cold.") == []


def test_at_least_before_an_order_leaves_it_an_order():
    calls = extract_calls("At least allow the monitors to see the detainees.")
    assert len(calls) == 1


def test_renewing_my_own_request_to_someone_is_a_demand():
    calls = extract_calls("I renew my request to the Government of China to let me visit Yanji.")
    assert [c.addressee for c in calls] == ["china"]


def test_an_aside_between_a_demand_verb_and_its_object_keeps_the_demand():
    calls = extract_calls(
        "The Council asks, in keeping with its mandate, that the Chinese authorities "
        "publish the number of people returned."
    )
    assert [c.addressee for c in calls] == ["china"]


def test_id_like_someone_to_act_is_the_writers_wish_put_to_them():
    calls = extract_calls(
        "I'd like the Ministry of Foreign Affairs of Japan to publish its figures."
    )
    assert [c.addressee for c in calls] == ["other"]


def test_others_wishes_with_a_contracted_would_are_no_demand():
    assert extract_calls("The families say they'd like the world to know their names.") == []


def test_asking_leave_to_ask_is_asking():
    calls = extract_calls("May we ask the Foreign Ministry of China to publish the figures?")
    assert [c.addressee for c in calls] == ["china"]


def test_a_question_about_one_act_to_be_done_soon_asks_for_it():
    calls = extract_calls("Could the UN refugee agency send an officer to the camp this week?")
    assert [c.addressee for c in calls] == ["international_community"]


def test_a_doubt_makes_a_question_about_a_soon_act_rhetorical():
    assert extract_calls("Can the UN refugee agency really send an officer this week?") == []


def test_nor_puts_a_negated_modal_before_its_subject():
    calls = extract_calls("Nor should the Chinese authorities punish the women they caught.")
    assert [(c.addressee, c.ask) for c in calls] == [
        ("china", "Do not punish the women they caught")
    ]


def test_nor_before_a_state_of_being_asks_nothing():
    assert extract_calls("Nor should it be difficult to count them.") == []


def test_a_resolutions_resolving_body_speaks_for_it():
    text = (
        "RESOLUTION\n\nWhereas the returns continue;\n\n"
        "Resolved, That the Senate calls on the Government of China to end the returns."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["china"]


def test_more_of_a_way_of_acting_is_asked_of_a_named_actor():
    calls = extract_calls("The UN refugee agency must be louder.")
    assert [(c.addressee, c.ask) for c in calls] == [("international_community", "Be louder")]


def test_how_a_thing_is_to_be_compared_asks_nothing():
    assert extract_calls("It should be easier to count the people sent back.") == []
