"""The page a text was copied from: furniture, fragments, lists and letters.

Every text here is written for these tests; names are invented.
"""

import pytest

from articles.extraction import extract_calls


def calls_of(text):
    return [(c.sentence, c.addressee) for c in extract_calls(text)]


PROSE = (
    "The detainees have been held for six weeks without a lawyer, and their families in the "
    "South have heard nothing from the police since the arrests."
)


@pytest.mark.parametrize(
    "line",
    [
        "Home › Campaigns › Statements",  # a breadcrumb trail
        "Statements | Country pages",  # navigation links between separators
        "Share   Print   Email",  # widget words only
        "Share this: Facebook · X · Email",
        "Skip to main content",
        "Back to list",
    ],
)
def test_navigation_and_widget_lines_are_no_calls(line):
    assert extract_calls(f"{line}\n\n{PROSE}") == []


def test_a_button_naming_the_pages_own_widget_is_no_call_but_the_same_words_in_a_sentence_are():
    text = f"Sign this petition\n\n{PROSE}\n\nSign this petition, then pass it on to a friend."
    assert calls_of(text) == [("Sign this petition, then pass it on to a friend.", "public")]


def test_a_contact_line_for_the_press_is_no_call():
    text = (
        f"{PROSE}\n\nFor press enquiries, please contact Kim Do-yun at press@example.org.\n\n"
        "Please contact the press office to arrange an interview."
    )
    assert extract_calls(text) == []


def test_a_sentence_that_only_gives_an_address_is_no_call():
    assert extract_calls(f"{PROSE}\n\nWrite to letters@example.org.") == []


def test_a_sentence_cut_off_at_the_end_of_a_copied_page_is_a_fragment():
    text = f"{PROSE} We never share your details with anyone. Sign up to our upd"
    assert extract_calls(text) == []


def test_unpunctuated_links_after_the_last_paragraph_are_the_pages_footer():
    text = f"Free them now!\n\n{PROSE}\n\nReport an error on this page\n\nTags\nAsylum\nDetention"
    assert [s for s, _a in calls_of(text)] == ["Free them now!"]


def test_a_line_that_is_only_an_organisations_name_is_no_call():
    text = f"{PROSE}\n\nYours sincerely,\n\nOpen Harbour Legal Aid (Busan)\nNorth Wind Trust"
    assert extract_calls(text) == []


def test_list_items_are_for_the_addressee_their_introducer_names():
    text = (
        "We recommend that the Government of the People's Republic of China:\n"
        "- Release the people held for leaving North Korea;\n"
        "- Grant UNHCR access to the detention centres.\n\n"
        "We recommend that the Government of the Republic of Korea:\n"
        "- Raise each case with Chinese officials."
    )
    assert [a for _s, a in calls_of(text)] == ["china", "china", "south_korea_government"]


def test_items_of_a_nested_demand_are_for_whoever_the_innermost_demand_names():
    # The coalition asks States to urge China: the items are what China is to do.
    text = (
        "We recommend that governments press the Chinese authorities to:\n"
        "1. Suspend every transfer to the border.\n"
        "2. Register the births of children born to North Korean mothers."
    )
    found = calls_of(text)
    assert [a for _s, a in found] == ["international_community", "china", "china"]


def test_an_item_of_a_list_introduced_by_to_is_a_verb_phrase_whatever_its_verb():
    # "Quash" is in no list of campaign verbs; after "to:" it can only be a verb.
    text = (
        "We urge the Government of Mongolia to:\n"
        "- Quash the deportation orders issued in March;\n"
        "- Waive the fines imposed on the families."
    )
    assert [a for _s, a in calls_of(text)] == ["other", "other"]
    # the same word opening a sentence elsewhere is no order
    assert extract_calls(f"{PROSE}\n\nQuash the orders.") == []


def test_you_in_a_letters_list_introducer_is_the_person_saluted():
    text = (
        "Dear Prime Minister Ito,\n\n"
        "We write about the families held in Shenyang. We respectfully urge you to:\n\n"
        "- Instruct your embassy in Beijing to ask for consular access;\n"
        "- Offer to resettle those with family in Japan.\n\n"
        "Yours sincerely,\n\nThe undersigned"
    )
    found = dict(calls_of(text))
    assert found["Instruct your embassy in Beijing to ask for consular access;"] == "other"
    assert found["Offer to resettle those with family in Japan."] == "other"


def test_a_pronoun_in_the_introducer_takes_the_actor_named_before_it():
    text = (
        "Write to the Chinese ambassador urging her to:\n"
        "• let the students leave\n"
        "• tell their families where they are held"
    )
    found = calls_of(text)
    assert found[0] == ("Write to the Chinese ambassador urging her to:", "public")
    assert [a for _s, a in found[1:]] == ["china", "china"]


def test_you_in_a_letter_is_the_person_it_salutes():
    text = (
        "Dear President Xi,\n\n"
        "We write as the families of people held in Jilin. We ask you to release them. "
        "Please let them travel to the South.\n\n"
        "Yours sincerely,\n\nThe families\n\n"
        "Please share this letter with your friends."
    )
    assert calls_of(text) == [
        ("We ask you to release them.", "china"),
        ("Please let them travel to the South.", "china"),
        ("Please share this letter with your friends.", "public"),
    ]


def test_a_salutation_with_only_a_title_is_resolved_from_the_instruction_before_it():
    text = (
        "Send an appeal to the Minister of Public Security.\n\n"
        "Dear Minister,\n\n"
        "I urge you to stop the transfer of the four students."
    )
    assert calls_of(text)[-1] == ("I urge you to stop the transfer of the four students.", "china")


def test_an_imperative_in_the_body_of_a_text_speaks_to_its_readers():
    assert calls_of(f"{PROSE}\n\nCall your member of parliament this week.") == [
        ("Call your member of parliament this week.", "public")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Finally, please allow them to stay.",
        "Step 3 — Phone the consulate and ask about the case.",
        "If you run a church group, print the leaflet and put it up.",
        "Entry is free; bring someone who has never heard of this.",
        "One favour to ask: next time the subject comes up, don't change it.",
    ],
)
def test_imperatives_after_a_connective_a_label_a_frame_or_a_colon_are_found(sentence):
    assert [s for s, _a in calls_of(f"{PROSE}\n\n{sentence}")] == [sentence]


def test_a_participle_before_a_noun_does_not_hide_an_imperative():
    # "Share verified facts" is an order; "Help arrived too late" is not.
    assert [s for s, _a in calls_of("Share verified facts, not rumours.")] == [
        "Share verified facts, not rumours."
    ]
    assert extract_calls("Help arrived too late for the family.") == []


def test_readers_comments_under_a_post_are_other_peoples_words():
    text = (
        f"{PROSE}\n\nWrite to your MP about the detainees.\n\n"
        "3 Comments\n\nHye-jin P. says:\nMay 2, 2024 at 8:15 am\nBeijing must let them go."
    )
    assert [s for s, _a in calls_of(text)] == ["Write to your MP about the detainees."]


def test_a_list_of_signatories_is_no_call():
    text = f"{PROSE}\n\nSignatories: Open Gate Legal Aid (Busan); Free Passage Forum; River Watch"
    assert extract_calls(text) == []


def test_an_arrow_starts_a_list_item_like_a_bullet():
    text = f"{PROSE}\n\nWhat you can do:\n→ Share this post with a friend.\n→ Call your MP."
    assert [a for _s, a in calls_of(text)] == ["public", "public"]


def test_the_answer_a_petition_got_is_the_answerers_text_not_the_petitions():
    text = (
        "Petition\n\nMake Canada press Beijing on forced returns\n\n"
        f"{PROSE}\n\nGovernment response\n\n"
        "We urge China to respect its obligations, and we raise the matter regularly."
    )
    assert not any("We urge China" in s for s, _a in calls_of(text))


def test_an_organisation_whose_name_starts_with_a_verb_is_not_an_order():
    # "Open", "Free", "Help": names of organisations can start like imperatives.
    assert extract_calls("Open Harbour Network condemns the arrests in Tumen.") == []
    assert extract_calls(f"{PROSE}\n\nFree Passage Alliance is a coalition of churches.") == []
    # ...while a headline in title case is still an order
    assert [s for s, _a in calls_of("Stop Sending Refugees Back\n\n" + PROSE)] == [
        "Stop Sending Refugees Back"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Let us be clear about what happened at the border.",  # ordering one's words
        "Let's face it: nobody expected the talks to succeed.",
        "Tell us what you would like us to cover next.",  # a reply to the page
        "We cannot accept this explanation from the ministry.",  # rejecting an argument
    ],
)
def test_formulas_that_look_like_orders_are_no_calls(sentence):
    assert extract_calls(f"{PROSE}\n\n{sentence}") == []


def test_a_numbered_step_may_be_a_single_verb():
    text = f"{PROSE}\n\nStep 3 — Donate. Every gift pays for a lawyer's visit."
    assert calls_of(text) == [("Step 3 — Donate.", "public")]


def test_please_after_a_clause_opens_an_imperative():
    text = f"{PROSE}\n\nThe clinic needs drivers on Saturdays, so please get in touch."
    assert calls_of(text) == [
        ("The clinic needs drivers on Saturdays, so please get in touch.", "public")
    ]


def test_a_speaker_turning_to_someone_mid_sentence_addresses_them():
    text = (
        "Thank you all for coming.\n\n"
        "And I say to Beijing as well: the women you hold in Tumen are mothers, and you "
        "must let them go. Your own laws allow it."
    )
    found = calls_of(text)
    assert found == [(found[0][0], "china")] and "you must let them go" not in found[0][1]


def test_a_slogan_quoted_in_a_news_headline_is_the_protesters_not_the_papers():
    text = (
        "‘Free them now’: students march on consulate\n\n"
        "By Ana Lindqvist, staff reporter\n\n" + PROSE
    )
    assert extract_calls(text) == []


def test_a_headline_addressed_to_readers_stays_theirs_when_the_model_letter_asks_the_same():
    text = (
        "Three detained in Dalian: ask your MP to raise their case\n\n" + PROSE + "\n\n"
        "You could write something like this:\n\n"
        '"Dear Minister, I ask you to raise their case with the Chinese ambassador."'
    )
    found = calls_of(text)
    assert found[0] == ("Three detained in Dalian: ask your MP to raise their case", "public")


def test_writers_who_write_to_ask_make_the_request():
    text = (
        "Dear President Xi,\n\n"
        "We, the families of twelve people held in Jilin, write to you today to ask you to "
        "let them go to the South."
    )
    assert calls_of(text)[-1][1] == "china"


def test_you_in_a_petition_is_whom_its_header_addresses_it_to():
    text = (
        "Petition: let the Kang family go\n\n"
        "To: the Ministry of Public Security of the People's Republic of China\n"
        "Started by: River Friends (Busan)\n\n"
        + PROSE
        + "\n\nWe ask you to let the family travel to the South. Do not hand them over at "
        "the bridge.\n\nSign now and share this petition with your friends."
    )
    found = dict(calls_of(text))
    assert found["We ask you to let the family travel to the South."] == "china"
    assert found["Do not hand them over at the bridge."] == "china"
    assert found["Sign now and share this petition with your friends."] == "public"


def test_an_office_holder_called_by_title_and_name_is_addressed_by_the_paragraph():
    text = f"{PROSE}\n\nPresident Xi, we appeal to you to let the two boys leave."
    assert calls_of(text)[-1][1] == "china"


def test_a_call_to_take_action_in_capitals_is_the_readers():
    text = f"{PROSE}\n\nTAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS\n\n{PROSE}"
    assert calls_of(text) == [("TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS", "public")]


# --- lines that ask nothing -------------------------------------------------------


def test_a_newsletters_contents_and_a_list_of_signers_ask_nothing():
    text = (
        "In this issue\n- Meet Dae-ho, our new caseworker\n- Write to the ambassador: how it "
        "went\n\nWe ask the ministry to publish the figures.\n\nSignatories:\n"
        "Harbour Light Fellowship (Canada)\nOpen Hands Relief (Japan)\nFree Passage Asia"
    )
    assert [c.sentence for c in extract_calls(text)] == [
        "We ask the ministry to publish the figures."
    ]


def test_the_page_about_itself_is_furniture():
    for line in (
        "Get our columns delivered to your inbox every Monday.",
        "Send your letter to letters@northernstar.example.com.",
        "Have a view on this? Write to us.",
        "Follow the rapporteur's work on social media.",
    ):
        assert extract_calls(line) == [], line
    assert len(extract_calls("Write to the ambassador at the embassy this week.")) == 1


def test_a_prayer_asks_god_not_an_office():
    text = (
        "Lord, shelter the women held in Tumen and soften the hearts of those who hold them. "
        "Amen.\n\nPray with us for them this Sunday."
    )
    assert [c.sentence for c in extract_calls(text)] == ["Pray with us for them this Sunday."]


def test_a_reporters_question_in_a_transcript_is_not_the_texts_request():
    text = (
        "Q: Will the minister consider taking in the families who reached Bangkok?\n"
        "A: We are looking at every option. Beijing should let UNHCR see them."
    )
    assert [c.sentence for c in extract_calls(text)] == ["Beijing should let UNHCR see them."]


def test_a_caption_placed_by_its_picture_is_furniture():
    assert extract_calls("Above: Volunteers pack winter coats for the shelter in Bangkok.") == []


def test_a_petitions_greeting_by_title_is_to_whom_its_header_addresses_it():
    text = (
        "A petition to the Chinese Embassy in Ottawa\n\nYour Excellency,\n\nOur relatives are "
        "held in Tumen. We ask you to tell Beijing that they are refugees.\n\n"
        "Please stop the returns."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china", "china"]


def test_a_reporters_question_labelled_with_the_outlet_is_the_reporters():
    text = (
        "Reporter (Mainichi): Will the minister agree to meet the families?\n\n"
        "Spokesperson: China should let them leave."
    )
    assert [c.ask for c in extract_calls(text)] == ["Let them leave"]


def test_a_records_label_lines_are_furniture():
    text = (
        "Speaker: Let Them Go Network chair Ms Oh\nVenue: Free Passage Hall, Seoul\n\n"
        "Seoul must raise the returns with Beijing."
    )
    found = [c.sentence for c in extract_calls(text)]
    assert found == ["Seoul must raise the returns with Beijing."]


def test_an_open_letter_greeting_the_president_by_title_and_its_petition_lines():
    text = (
        "[Open letter] From the mothers of the returned: Mr. President, please meet us\n\n"
        "To the Honourable President of the Republic of Korea,\n\nOur daughters were sent "
        "back from Yanji in the winter. We ask you to raise their names in Beijing.\n\n"
        "Please meet us.\n\nWith hope,\nThe Mothers' Circle\n\n"
        "* Citizens who agree with us are invited to add their names below."
    )
    found = [c.addressee for c in extract_calls(text)]
    assert found == ["south_korea_government"] * 3 + ["public"]


def test_an_address_line_ending_in_a_colon_opens_a_letter_that_ends_at_a_heading():
    text = (
        "Hana Kim started this petition to President Xi Jinping and 2 others\n\n"
        "To President Xi Jinping, the Ministry of Public Security and the Ambassador of "
        "China:\n\nWe, the undersigned, call on you to free the women held in Tumen.\n\n"
        "Keep your promise.\n\nWhy is this important?\n\n"
        "Please sign this petition and share it with three friends."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china", "china", "public"]


def test_the_sites_name_over_its_navigation_line_is_furniture():
    text = (
        "Open Gate Churches Together\nHome | About | Campaigns | Give\n\n"
        "Write to your MP about the women held in Tumen."
    )
    assert [c.sentence for c in extract_calls(text)] == [
        "Write to your MP about the women held in Tumen."
    ]


def test_let_me_say_a_word_to_someone_turns_the_paragraph_to_them():
    text = (
        "Let me say a word to the Chinese embassy, which follows these debates. "
        "Nobody here wishes China ill. Stop the returns."
    )
    assert extract_calls(text)[-1].addressee == "china"


def test_a_post_a_thread_quotes_is_someone_elses_words():
    text = (
        "1/ The women were moved overnight. Say their names to the Chinese ambassador.\n\n"
        "Quote\nKim Min-su (National Assembly) @kimms_assembly\n"
        "The government must raise this with China immediately.\n\n"
        "9:47 AM · Sep 22, 2026"
    )
    sentences = [c.sentence for c in extract_calls(text)]
    assert "The government must raise this with China immediately." not in sentences


def test_an_appeals_address_lines_are_no_calls():
    text = (
        "Please write to the minister.\n\n"
        "Send to: Minister of Public Security, Vientiane, Lao PDR Email: (please use the "
        "address on the embassy website)"
    )
    assert [c.sentence for c in extract_calls(text)] == ["Please write to the minister."]


def test_a_speaker_who_wants_to_speak_to_someone_turns_the_paragraph_to_them():
    text = (
        "Last winter Beijing sent the families back. "
        "Now I want to speak to the Australian government. "
        "Offer them places in the refugee quota."
    )
    assert extract_calls(text)[-1].addressee == "other"


def test_a_slogan_is_for_whoever_sends_people_back_across_a_long_object():
    text = (
        "We call on the United Nations to investigate. "
        "In March the Chinese police sent nearly three hundred frightened people back. "
        "Halt the forced repatriation!"
    )
    assert extract_calls(text)[-1].addressee == "china"


def test_buttons_between_bars_after_a_banners_sentence_are_furniture():
    text = (
        "This site stores cookies on your device. Accept all | Manage settings\n\n"
        "We urge the Chinese authorities to release the detainees."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_a_headlines_please_is_said_to_whoever_reads_it():
    text = "My sister was taken at the border\n\nPlease do not forget her\n\nShe is thirty."
    calls = extract_calls(text)
    assert [(c.sentence, c.addressee) for c in calls] == [("Please do not forget her", "public")]


def test_a_thread_post_counted_as_n_of_m_keeps_the_one_it_calls():
    text = "1/12 The returns go on.\n\n7/12 Tokyo, please say something on the record."
    assert extract_calls(text)[-1].addressee == "other"


def test_a_thread_posts_topic_is_whom_its_order_is_for():
    text = "1/ The returns go on.\n\n4/ North Korea: release everyone held for leaving."
    assert extract_calls(text)[-1].addressee == "north_korea"


def test_a_posts_author_line_is_furniture_however_it_reads():
    text = "Free Them Now @FreeThemNow\n\n1/ We urge the Chinese authorities to release the eleven."
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_a_thread_counter_before_we_leaves_the_writers_demand():
    text = "1/ The raids go on.\n\n2/ We urge the Chinese authorities to release the detainees."
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_a_petition_sites_line_of_facts_says_whom_the_petition_is_to():
    text = (
        "Signwell\n"
        "Campaigns | Start one | Sign in\n\n"
        "Free the Yanji nine\n"
        "Started by Hye-won Baek | To: The Ambassador of the People's Republic of China "
        "to Japan | 2,310 supporters\n\n"
        "Nine people from North Korea have been held in Yanji since March.\n\n"
        "We ask you to let the nine go to a country that will protect them.\n"
    )
    for call in (extract_calls(text)[-1], extract_calls(text, learned=False)[-1]):
        assert call.sentence.startswith("We ask you") and call.addressee == "china"


def test_the_points_under_an_appeals_address_block_are_for_its_recipient():
    text = (
        "Harbourlight Appeals\n\n"
        "URGENT ACTION: TWO WOMEN HELD IN DANDONG\n\n"
        "Two women from Hyesan were detained in Dandong on 2 May.\n\n"
        "Please write to both officials below.\n\n"
        "To: Director, Liaoning Provincial Public Security Department, Shenyang, China\n"
        "Salutation: Dear Director\n"
        "Points to make:\n"
        "- Release the two women and let them travel to a safe country.\n"
        "- Let their lawyer see them.\n\n"
        "To: Minister of Foreign Affairs, Ministry of Foreign Affairs, Seoul, Republic of Korea\n"
        "Salutation: Dear Minister\n"
        "Points to make:\n"
        "- Ask Beijing for news of the two women this week.\n\n"
        "BACKGROUND\n\n"
        "Both women had tried to cross twice before.\n"
    )
    calls = {c.sentence: c.addressee for c in extract_calls(text, learned=False)}
    assert calls["Release the two women and let them travel to a safe country."] == "china"
    assert calls["Let their lawyer see them."] == "china"
    assert calls["Ask Beijing for news of the two women this week."] == "south_korea_government"
