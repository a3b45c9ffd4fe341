"""Cues to whom a call is put that lie outside its own words: whose "the Government"
is, who a speaker or a post has turned to, who speaks in a release's quotations,
what a letter's signatures and a list's heading are. Every text here is written
for these tests.
"""

import pytest

from articles.extraction import extract_calls


def calls_of(text):
    return {" ".join(c.sentence.split()): c for c in extract_calls(text)}


def call_on(text, sentence):
    calls = calls_of(text)
    assert sentence in calls, list(calls)
    return calls[sentence]


# --- whose "the Government" is ----------------------------------------------


def test_a_capitalised_government_in_a_statement_with_no_country_of_its_own_is_the_state_named():
    text = (
        "Press release\n\n"
        "GENEVA (2 June 2025) - UN human rights experts today urged China to end the "
        "transfers of North Koreans held near the border.\n\n"
        '"The Government must halt these transfers and let the refugee agency see the '
        'detainees," the experts said.\n'
    )
    call = call_on(
        text,
        '"The Government must halt these transfers and let the refugee agency see the '
        'detainees," the experts said.',
    )
    assert call.addressee == "china"
    assert call.score < 0.85  # the state is inferred, not named


def test_a_parliaments_motion_means_its_own_government_by_the_government():
    text = (
        "Australian Senate\n"
        "Motion No. 412\n\n"
        "That the Senate-\n\n"
        "(a) calls on the Government of the People's Republic of China to stop returning "
        "North Koreans;\n\n"
        "(b) calls on the Government to raise the returns at the Human Rights Council.\n"
    )
    calls = calls_of(text)
    first = (
        "calls on the Government of the People's Republic of China to stop returning North Koreans;"
    )
    assert calls[first].addressee == "china"
    own = calls["calls on the Government to raise the returns at the Human Rights Council."]
    assert own.addressee == "other"
    assert own.score < 0.85


def test_an_office_of_a_named_country_belongs_to_that_country():
    text = (
        "Write to the Minister of Foreign Affairs of the Lao PDR, using the message below.\n\n"
        "Your Excellency,\n\n"
        "I respectfully ask you to ensure that the six are not handed to Chinese police.\n\n"
        "Yours faithfully,\n"
    )
    call = call_on(
        text, "I respectfully ask you to ensure that the six are not handed to Chinese police."
    )
    assert call.addressee == "other"


# --- who is spoken to ---------------------------------------------------------


def test_a_turn_said_as_a_sentence_of_its_own_addresses_the_rest_of_its_paragraph():
    text = (
        "Remarks at the vigil outside the Chinese Embassy, Ottawa, 3 March 2025\n\n"
        "Thank you all for coming tonight in the snow.\n\n"
        "First, to the ambassador in the building across the road. We know you are "
        "listening. Send our letter to your capital tonight.\n"
    )
    call = call_on(text, "Send our letter to your capital tonight.")
    assert call.addressee == "china"


def test_a_speech_header_ending_with_place_and_date_says_whose_our_government_is():
    text = (
        "Remarks at the vigil outside the Chinese Embassy, Ottawa, 3 March 2025\n\n"
        "Thank you all for coming tonight in the snow.\n\n"
        "Second, to our own government. Prime Minister, raise these cases when you "
        "travel to Beijing next month.\n"
    )
    call = call_on(text, "Prime Minister, raise these cases when you travel to Beijing next month.")
    assert call.addressee == "other"  # Canada's prime minister, not Seoul's


@pytest.mark.parametrize(
    ("handle", "addressee"),
    [
        ("MFA_China", "china"),
        ("mofa_kr", "south_korea_government"),
        ("UNHCR", "international_community"),
    ],
)
def test_a_post_that_opens_by_tagging_an_account_speaks_to_that_account(handle, addressee):
    text = (
        "Open Roads Watch @OpenRoadsWatch\n\n"
        "1/ Forty people were taken from the Dandong detention centre on Friday night.\n\n"
        f"2/ @{handle}: silence is a choice. Summon the envoys and speak up today.\n"
    )
    call = call_on(text, "Summon the envoys and speak up today.")
    assert call.addressee == addressee


def test_being_told_to_stop_the_returns_shows_who_is_returning_people():
    text = (
        "Open Roads Watch @OpenRoadsWatch\n\n"
        "1/ @MFA_China: these are refugees. Stop the returns.\n\n"
        "2/ The women still held in Dandong must be released.\n"
    )
    call = call_on(text, "2/ The women still held in Dandong must be released.")
    assert call.addressee == "china"


def test_a_demand_that_an_actor_stop_the_returns_shows_it_doing_them():
    text = (
        "Beijing must stop the returns, and stop them this winter. The people still held "
        "in the border camps should be released to a country of their choosing. Seoul has "
        "said nothing, and the Unification Ministry hides behind its figures.\n"
    )
    call = call_on(
        text,
        "The people still held in the border camps should be released to a country of "
        "their choosing.",
    )
    assert call.addressee == "china"


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("Let the General Assembly hear the women who escaped twice.", "international_community"),
        ("Let Washington lead the resettlement effort this year.", "other"),
    ],
)
def test_let_with_an_actor_able_to_act_asks_that_actor(sentence, addressee):
    call = call_on(sentence, sentence)
    assert call.addressee == addressee
    assert call.score < 0.85


def test_let_that_gives_leave_is_not_asked_of_the_one_let_in():
    sentence = "Let UNHCR see the women held in Tumen."
    assert calls_of(sentence)[sentence].addressee != "international_community"


# --- who speaks in a release ------------------------------------------------------


def test_a_paragraph_that_is_only_a_quotation_goes_on_with_the_last_speaker():
    text = (
        "Harbour Lantern Trust\n"
        "Press release\n\n"
        "LONDON - Harbour Lantern Trust today urged China to stop the returns.\n\n"
        '"These women are refugees," said Ana Ruiz, the trust\'s director.\n\n'
        '"We call on the Chinese authorities to let the refugee agency meet every one of '
        'them."\n'
    )
    call = call_on(
        text,
        '"We call on the Chinese authorities to let the refugee agency meet every one of them."',
    )
    assert call.addressee == "china"


def test_a_person_named_after_an_organisations_title_speaks_for_it_by_family_name():
    text = (
        "Northern Light Network\n"
        "Press release\n\n"
        "SEOUL - The Northern Light Network (NLN) today asked the Ministry of Unification "
        "to restore its funding for resettlement centres.\n\n"
        '"We have waited long enough," said NLN secretary-general Han Ji-won.\n\n'
        'The ministry has not replied. "We ask the Minister to visit the centres himself '
        'this month," Han said.\n'
    )
    call = call_on(text, '"We ask the Minister to visit the centres himself this month," Han said.')
    assert call.addressee == "south_korea_government"


def test_a_board_chair_with_no_other_body_named_speaks_for_the_organisation():
    text = (
        "Harbour Lantern Trust\n"
        "Press release\n\n"
        "LONDON - Harbour Lantern Trust today urged China to stop the returns.\n\n"
        '"Beijing must let the refugee agency into Tumen," said board chair Tom Reyes.\n'
    )
    call = call_on(
        text, '"Beijing must let the refugee agency into Tumen," said board chair Tom Reyes.'
    )
    assert call.addressee == "china"


# --- forms of asking ----------------------------------------------------------------


def test_it_falls_to_someone_to_act_asks_them():
    sentence = "It falls to Tokyo to offer the escapees a home."
    assert call_on(sentence, sentence).addressee == "other"


def test_asking_that_a_name_do_something_asks_whoever_it_names():
    sentence = "We ask that Velora Systems publish the list of its buyers in Jilin."
    assert call_on(sentence, sentence).addressee == "other"


def test_asking_the_listeners_indulgence_is_no_call():
    assert extract_calls("I would ask you to understand that I cannot comment on talks.") == []


def test_a_verb_and_its_object_pronoun_make_a_whole_order_in_a_letter():
    text = (
        "Dear Mr. President,\n\n"
        "We are the families of people who were sent back. First, name every detainee "
        "when you speak to Beijing. Second, meet us.\n\n"
        "Respectfully,\n"
    )
    assert call_on(text, "Second, meet us.").addressee == "south_korea_government"


def test_every_supporter_is_the_public():
    sentence = "Harbour Lantern Trust asks every supporter to write to their MP this week."
    assert call_on(sentence, sentence).addressee == "public"


# --- the page's own lines -----------------------------------------------------------


def test_names_signed_under_a_letters_closing_are_no_calls():
    text = (
        "We would welcome a meeting with you.\n\n"
        "Yours sincerely,\n\n"
        "Harbour Lantern Trust\n"
        "Kent Refugee Forum\n"
        "Open Gate Fellowship\n"
        "Northern Crossing Aid\n"
    )
    assert "Open Gate Fellowship" not in calls_of(text)


def test_a_short_line_over_a_list_is_its_heading_not_a_call():
    text = (
        "Dear friends,\n\n"
        "This month has been hard for the families we serve.\n\n"
        "Act this month\n"
        "- Call your senators and ask them to back the refugee bill.\n"
        "- Ask your pastor to hold a special offering in December.\n"
    )
    assert "Act this month" not in calls_of(text)
    assert "Call your senators and ask them to back the refugee bill." in calls_of(text)


# --- who a noun phrase names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("The Foreign Ministry in Tokyo should summon the Chinese ambassador.", "other"),
        ("We urge the Foreign Ministry of Japan to speak up.", "other"),
        ("Interpol should refuse Beijing's notices against activists.", "international_community"),
        ("The Secretary-General should raise the issue in Beijing.", "international_community"),
        ("The G7 should raise the returns at its summit.", "international_community"),
        ("The Bundestag should debate the returns.", "other"),
        ("The Biden administration should press Beijing harder.", "other"),
    ],
)
def test_offices_organisations_and_legislatures_name_their_class(sentence, addressee):
    assert call_on(sentence, sentence).addressee == addressee


def test_a_bare_parliament_is_the_texts_own_but_unsure_when_the_country_is_never_named():
    call = call_on(
        "Parliament should hold a debate on the returns.",
        "Parliament should hold a debate on the returns.",
    )
    assert call.addressee == "south_korea_government"
    assert call.score < 0.85


def test_the_regime_is_the_state_named_before_it_not_the_writers_own():
    text = (
        "Seoul has said little about the camps Pyongyang runs. "
        "The regime should open them to inspectors."
    )
    call = call_on(text, "The regime should open them to inspectors.")
    assert call.addressee == "north_korea"
    assert call.score < 0.85


# --- less common forms of demand ------------------------------------------------------


def test_a_state_called_before_an_order_is_the_one_ordered():
    sentence = "Beijing, release them now."
    assert call_on(sentence, sentence).addressee == "china"


def test_a_request_to_someone_announced_before_a_colon_is_theirs():
    sentence = "Our request to the Special Rapporteur is simple: visit the border region this year."
    assert call_on(sentence, sentence).addressee == "international_community"


def test_cannot_continue_to_asks_to_stop():
    call = call_on(
        "Beijing cannot continue to ignore its obligations.",
        "Beijing cannot continue to ignore its obligations.",
    )
    assert call.addressee == "china"


def test_the_answer_is_for_someone_to_act_asks_them():
    sentence = "The answer is for Seoul to act."
    assert call_on(sentence, sentence).addressee == "south_korea_government"


def test_there_must_be_no_more_returns_asks_whoever_returns_people():
    text = "China has sent back 600 people since October. There must be no more forced returns."
    call = call_on(text, "There must be no more forced returns.")
    assert call.addressee == "china"
    assert call.ask == "Ensure that there are no more forced returns"
    assert call.score < 0.85


def test_there_should_be_no_doubt_asks_nothing():
    assert extract_calls("There should be no doubt about what happens to them.") == []


def test_a_dateline_with_a_date_still_lets_the_lead_say_who_issues_the_release():
    text = (
        "Border Witness UK\n"
        "Press release\n\n"
        "LONDON, 4 May 2025 - Border Witness UK today urged the Foreign Secretary to raise "
        "the returns at the Security Council.\n\n"
        "The charity also called on the Chinese authorities to halt the returns.\n"
    )
    calls = calls_of(text)
    assert (
        calls[
            "LONDON, 4 May 2025 - Border Witness UK today urged the Foreign Secretary to raise "
            "the returns at the Security Council."
        ].addressee
        == "other"
    )
    assert (
        calls["The charity also called on the Chinese authorities to halt the returns."].addressee
        == "china"
    )


def test_people_are_returned_by_the_state_they_are_returned_from():
    text = (
        "The refugee agency is alarmed by the return of North Koreans from China. It calls "
        "on all States to respect non-refoulement. Those in need of protection must not be "
        "returned."
    )
    call = call_on(text, "Those in need of protection must not be returned.")
    assert call.addressee == "china"


def test_a_bare_authorities_in_an_appeal_is_the_state_its_address_block_names():
    text = (
        "URGENT ACTION\n\n"
        "Please write immediately, calling on the authorities to:\n"
        "- halt the deportation of the five;\n"
        "- allow the refugee agency to visit them.\n\n"
        "APPEALS TO:\n"
        "Ambassador of the People's Republic of China\n"
    )
    assert calls_of(text)["halt the deportation of the five;"].addressee == "china"


def test_a_minister_greeted_by_title_and_name_with_no_country_is_the_texts_own():
    text = (
        "Dear Foreign Minister Cho,\n\n"
        "We ask you to speak publicly about the forced returns.\n\n"
        "Yours sincerely,\nThe undersigned"
    )
    call = call_on(text, "We ask you to speak publicly about the forced returns.")
    assert call.addressee == "south_korea_government"
    assert call.score < 0.85


@pytest.mark.parametrize(
    ("sentence", "addressee", "ask"),
    [
        ("We look to Seoul to lead on this.", "south_korea_government", "Lead on this"),
        ("We'd ask Tokyo to open its doors.", "other", "Open its doors"),
        ("We would like to see Seoul take the lead.", "south_korea_government", "Take the lead"),
        ("Time for Seoul to speak up.", "south_korea_government", "Speak up"),
        ("We ask that Velora not sell the cameras.", "other", "Do not sell the cameras"),
    ],
)
def test_wishes_and_headlines_that_ask_someone_to_act(sentence, addressee, ask):
    call = call_on(sentence, sentence)
    assert (call.addressee, call.ask) == (addressee, ask)


@pytest.mark.parametrize(
    "sentence",
    ["Refugees look to the UN to protect them.", "Time for a change.", "We hope to see you there."],
)
def test_others_wishes_and_verbless_lines_ask_nothing(sentence):
    assert extract_calls(sentence) == []


THREAD = "\n\n".join(
    [
        "Harbour Light Network @HarbourLight",
        "LIVE from the review session: the dialogue on returns starts soon. (1/6)",
        "Korea urges 'all States' to respect the law. Again no mention of China. "
        "Seoul, you can say the word. (2/6)",
        "The DPRK delegation walks out. Pyongyang, next time stay in your seat. (3/6)",
        "4/ @UNHCR_Asia please make your request for access public.",
        "Our ask to every delegation still to speak: name the returns. (5/6)",
        "6/ RT so more people see this.",
        "Here is a script you can use: it takes a minute.",
    ]
)


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("Seoul, you can say the word.", "south_korea_government"),
        ("Pyongyang, next time stay in your seat.", "north_korea"),
        ("4/ @UNHCR_Asia please make your request for access public.", "international_community"),
        (
            "Our ask to every delegation still to speak: name the returns.",
            "international_community",
        ),
        ("6/ RT so more people see this.", "public"),
    ],
)
def test_a_state_or_account_called_by_name_is_the_one_asked(sentence, addressee):
    assert call_on(THREAD, sentence).addressee == addressee


def test_you_can_in_a_relative_clause_invites_nobody():
    assert "Here is a script you can use: it takes a minute." not in calls_of(THREAD)


UPDATE = "\n\n".join(
    [
        "FURTHER INFORMATION ON UA 9/26 - LAOS",
        "Dear friend,",
        "Thank you to everyone who wrote. Please keep writing: the two men are not yet safe.",
        "Email the Lao Minister of Public Security today.",
        "Ask the Minister to:\n- Not hand the two men over to Chinese officials;\n"
        "- Release Pastor Kim Dae-ho, who sheltered them;",
    ]
)


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("Please keep writing: the two men are not yet safe.", "public"),
        ("Not hand the two men over to Chinese officials;", "other"),
        ("Release Pastor Kim Dae-ho, who sheltered them;", "other"),
    ],
)
def test_an_appeals_items_go_to_the_office_named_with_its_own_nationality(sentence, addressee):
    # "the Lao Minister of Public Security" is Laos's, though China has a ministry so named
    assert call_on(UPDATE, sentence).addressee == addressee


APPEAL = "\n\n".join(
    [
        "URGENT ACTION",
        "A North Korean woman is held in a detention centre in Yanbian, China.",
        "Write to the Director of the Yanbian Prefecture Public Security Bureau calling on "
        "him to:\n- Halt any transfer of the woman to North Korea;\n"
        "- Ensure that she can see a lawyer.",
        "Director\nYanbian Prefecture Public Security Bureau\nYanji, Jilin Province\n"
        "People's Republic of China\nSalutation: Dear Director",
        "Please also write to the Minister of Foreign Affairs of the Republic of Korea. The "
        "ministry should tell Beijing that she is welcome in the Republic of Korea.",
        "Minister of Foreign Affairs\nSeoul, Republic of Korea\nSalutation: Dear Minister",
        "Dear Director,",
        "I call on you to release her. She has harmed no one; she should be released at once.",
        "Yours sincerely,",
    ]
)


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("Halt any transfer of the woman to North Korea;", "china"),
        ("Ensure that she can see a lawyer.", "china"),
        (
            "The ministry should tell Beijing that she is welcome in the Republic of Korea.",
            "south_korea_government",
        ),
        ("I call on you to release her.", "china"),
        ("She has harmed no one; she should be released at once.", "china"),
    ],
)
def test_an_appeal_with_two_address_blocks_sends_each_letter_to_its_own(sentence, addressee):
    assert call_on(APPEAL, sentence).addressee == addressee


def test_the_readers_own_condition_frames_nothing_and_a_letter_asks_through_your_officials():
    text = (
        "Tokyo, 3 May 2026 - An open letter to the Prime Minister of Japan\n\n"
        "Dear Prime Minister,\n\n"
        "We ask that your officials request consular access in every such case.\n\n"
        "Yours sincerely,\n\nThe families\n\nIf you agree with it, please add your name below."
    )
    assert (
        call_on(
            text, "We ask that your officials request consular access in every such case."
        ).addressee
        == "other"
    )
    assert call_on(text, "If you agree with it, please add your name below.").addressee == "public"


def test_a_threads_post_counter_ends_a_post_as_a_full_stop():
    text = (
        "Harbour Light Network @HarbourLight\n\nLIVE from the session. (1/2)\n\n"
        "If this thread was useful, please share it: harbour.example/give (2/2)"
    )
    assert [c.addressee for c in extract_calls(text)] == ["public"]


def test_a_speakers_message_for_someone_turns_the_paragraph_to_them():
    text = (
        "Thank you all for coming tonight.\n\n"
        "My first message is for Beijing. Open the gates of the detention centres to the "
        "United Nations. Let the people inside go."
    )
    assert call_on(text, "Let the people inside go.").addressee == "china"


def test_a_states_own_office_is_that_states_after_a_preposition_too():
    text = (
        "What you can do\n\nSend the email below to Laos's Minister of Public Security.\n\n"
        "Your Excellency,\n\nI respectfully ask you not to return them to China.\n\n"
        "Yours respectfully,"
    )
    assert call_on(text, "I respectfully ask you not to return them to China.").addressee == (
        "other"
    )


def test_a_chambers_own_page_means_its_own_government_by_the_government():
    text = (
        "House of Councillors, The National Diet of Japan\n\n"
        "Resolution calling for an end to the forced repatriation of North Koreans\n\n"
        "This House calls on the Government of the People's Republic of China to end the "
        "returns.\n\n"
        "The Government should raise this matter with the People's Republic of China at every "
        "meeting."
    )
    assert (
        call_on(
            text,
            "The Government should raise this matter with the People's Republic of China at every "
            "meeting.",
        ).addressee
        == "other"
    )


def test_we_should_not_pretend_is_a_remark_not_a_demand():
    assert extract_calls("But we should not pretend that the northern route is safe.") == []


def test_an_order_to_stop_returning_people_is_for_whoever_returns_them():
    text = (
        "Thank you for coming. Chinese police arrested the group in Hunchun and returned them "
        "to North Korea last week.\n\n"
        "Stop returning people who only want to reach a country that will take them."
    )
    sentence = "Stop returning people who only want to reach a country that will take them."
    assert call_on(text, sentence).addressee == "china"


def test_a_mailings_own_upkeep_is_no_call():
    assert extract_calls("To be removed from our mailing list, contact the office.") == []


def test_a_passive_about_victims_in_a_letter_is_for_its_addressee():
    text = (
        "Dear President Xi,\n\nChildren born in Jilin to North Korean mothers should be "
        "registered as residents.\n\nYours sincerely,"
    )
    call = call_on(
        text, "Children born in Jilin to North Korean mothers should be registered as residents."
    )
    assert call.addressee == "china" and call.score < 0.85


def test_one_reminded_of_a_duty_is_asked_to_keep_it():
    sentence = (
        "We remind the authorities of the DPRK that people who are returned must not be "
        "punished for leaving."
    )
    assert call_on(sentence, sentence).addressee == "north_korea"


def test_a_turn_to_someone_with_an_aside_before_its_colon_still_turns():
    sentence = (
        "And I say this to Beijing, knowing that the embassy is listening: these women are "
        "our compatriots under our Constitution, and you should let them come home."
    )
    assert call_on(sentence, sentence).addressee == "china"


def test_adding_ones_name_is_the_readers_to_do_whoever_the_letter_is_to():
    text = (
        "An open letter to the China Christian Council\n\nDear friends in Christ,\n\n"
        "We ask you to speak for them.\n\nYours in Christ,\n\nThe Assembly\n\n"
        "If you are a member of a congregation, please add your name below."
    )
    sentence = "If you are a member of a congregation, please add your name below."
    assert call_on(text, sentence).addressee == "public"


def test_parties_urged_by_the_speaker_are_asked_but_a_treatys_parties_are_not():
    assert [c.addressee for c in extract_calls("We call on the parties to agree a pause.")] == [
        "other"
    ]
    assert extract_calls("Under the convention, the parties must not return anyone.") == []
