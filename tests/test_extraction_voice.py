"""Whose demand a sentence is: the document's own voice, or someone it reports.

Every text here is written for these tests. The organisations and people are
invented.
"""

import pytest

from articles.extraction import extract_calls


def calls_of(text):
    return [(c.sentence, c.addressee) for c in extract_calls(text)]


# An organisation's release speaks of itself in the third person. A
# present-tense demand ("X urges") is how an organisation speaks for itself;
# together with the lead ("X said today") it marks X as the document's voice.
RELEASE = "\n\n".join(
    [
        "PRESS RELEASE",
        "Border Lantern Society warns of transfers from Yanji",
        "Seoul – Twelve people caught on a night bus near Yanji are due to be moved to the "
        "border within the week, Border Lantern Society said today.",
        "Border Lantern Society urges the Chinese authorities to suspend the transfer and to "
        "let the UN refugee agency see the group.",
        '"Every one of them has a relative here who is waiting. Beijing should let them go to '
        'the South," said Han Ji-won, campaigns director at Border Lantern Society.',
        '"Sending them back would be a death sentence for some," Han added. "The government '
        'ought to summon the ambassador this week."',
        "The society also called on the members of the Human Rights Council to raise the case "
        "at the next session.",
        "Last year a coalition of lawyers urged Beijing to open its detention centres to "
        "inspectors.",
        "Notes to editors\n- Border Lantern Society is an independent charity founded in 2012.",
    ]
)


def test_an_organisation_demanding_in_the_third_person_speaks_for_its_release():
    found = dict(calls_of(RELEASE))
    sentence = (
        "Border Lantern Society urges the Chinese authorities to suspend the transfer and to "
        "let the UN refugee agency see the group."
    )
    assert found[sentence] == "china"


def test_the_spokespersons_quotes_are_the_organisations_own_voice():
    # "campaigns director at Border Lantern Society" ties Han Ji-won to the speaker.
    quoted = [a for s, a in calls_of(RELEASE) if "let them go to the South" in s]
    assert quoted == ["china"]
    # "Han added": her family name alone ties the next quote to her.
    later = [a for s, a in calls_of(RELEASE) if "summon the ambassador" in s]
    assert later == ["south_korea_government"]


def test_the_organisation_named_by_its_head_noun_still_speaks_for_itself():
    found = dict(calls_of(RELEASE))
    sentence = (
        "The society also called on the members of the Human Rights Council to raise the case "
        "at the next session."
    )
    assert found[sentence] == "international_community"


def test_a_third_partys_demand_reported_in_the_release_is_not_its_own():
    sentences = [s for s, _a in calls_of(RELEASE)]
    assert not any("coalition of lawyers" in s for s in sentences)


def test_a_past_demand_by_someone_else_in_an_editorial_is_reported():
    text = (
        "Our view\n\nRights groups called on Beijing last week to free the detainees. "
        "They are right, and the government should back them."
    )
    assert [s for s, _a in calls_of(text)] == [
        "They are right, and the government should back them."
    ]


def test_a_news_report_has_no_third_person_voice_of_its_own():
    # A reporter's dateline and byline: every demand in the story is someone else's.
    text = (
        "By Mina Cho, staff reporter\n\n"
        "SEOUL (Reuters) - A refugee charity urges China to halt the returns, and Seoul should "
        "protest, the charity's director said on Monday.\n\n"
        '"The world must act," she told reporters.'
    )
    assert extract_calls(text) == []


def test_a_quote_from_someone_outside_the_document_is_reported_even_if_it_is_a_demand():
    text = RELEASE + (
        '\n"Tell the police to arrest the traffickers, not us," said one woman who was sold '
        "twice before she reached Seoul.\n"
    )
    assert not any("arrest the traffickers" in s for s, _a in calls_of(text))


def test_resolution_paragraphs_without_a_subject_are_the_bodys_own_demands():
    text = (
        "The Regional Assembly,\n\n"
        "Gravely concerned by the detention of escapees,\n\n"
        "1. Condemns the transfers;\n"
        "2. Urges the Government of the People's Republic of China to release the detainees;\n"
        "3. Calls upon all States to uphold non-refoulement;\n"
    )
    assert calls_of(text) == [
        (
            "Urges the Government of the People's Republic of China to release the detainees;",
            "china",
        ),
        ("Calls upon all States to uphold non-refoulement;", "international_community"),
    ]


def test_a_document_signed_by_the_organisations_listed_below_speaks_for_them():
    text = (
        "The nine groups listed below call on the Government of Mongolia to keep its border "
        "open to people fleeing the North."
    )
    assert calls_of(text) == [(text, "other")]


def test_the_authors_own_request_in_the_past_is_a_story_not_a_demand():
    assert (
        extract_calls("In 2019 we asked the consulate to let the family leave, and it agreed.")
        == []
    )


def test_we_want_and_we_need_someone_to_act_are_demands():
    assert calls_of("We want Seoul to take these women in.") == [
        ("We want Seoul to take these women in.", "south_korea_government")
    ]
    assert calls_of("We need the United Nations to send monitors.") == [
        ("We need the United Nations to send monitors.", "international_community")
    ]


def test_someone_elses_wish_is_not_a_demand():
    assert extract_calls("Many refugees want the world to know what happened to them.") == []


def test_text_offered_to_the_reader_in_quotes_is_the_documents_own():
    # An appeal gives the words to send; they are the campaign's, not a quotation.
    text = (
        "Email the Chinese embassy today. You could write something like this:\n\n"
        '"Dear Ambassador, I ask you to let the three students leave China safely."'
    )
    found = calls_of(text)
    assert ("Email the Chinese embassy today.", "public") in found
    assert any("let the three students leave" in s and a == "china" for s, a in found)


def test_words_quoted_from_a_sign_or_a_banner_are_not_the_documents():
    assert extract_calls('The placard read: "Beijing must open the gates.') == []


def test_the_speakers_partners_are_not_the_speaker():
    # "Border Lantern Society's partners" are others, even in the society's release.
    text = RELEASE + (
        "\n\nBorder Lantern Society's partners in Laos urged the police to free a boy held "
        "since May."
    )
    assert not any("partners in Laos" in s for s, _a in calls_of(text))


def test_a_short_form_of_the_speakers_name_is_still_the_speaker():
    text = RELEASE.replace("The society also called on", "Border Lantern also called on")
    assert any(s.startswith("Border Lantern also called on") for s, _a in calls_of(text))


def test_we_are_asking_is_the_authors_demand():
    assert calls_of("We're asking every senator to vote for the bill.") == [
        ("We're asking every senator to vote for the bill.", "other")
    ]


def test_a_headline_that_gives_someone_elses_imperative_is_reported():
    # News headlines quote a demand and say whose it is after a comma.
    text = "Stop the deportations, activists tell Beijing\n\n" + PROSE_NEWS
    assert extract_calls(text) == []


def test_a_news_photo_credit_marks_a_report_whose_third_person_demands_are_not_its_own():
    text = (
        "Relatives hold photos of detained family members in Seoul, Monday. / Yonhap\n\n"
        "Rights Bridge Network urges China to free the 40 detainees, the group said today.\n\n"
        "Rights Bridge Network is an independent organisation based in Busan."
    )
    assert extract_calls(text) == []


PROSE_NEWS = (
    "Dozens of activists gathered outside the consulate on Saturday, holding photos of "
    "relatives who were detained near the border last month."
)


def test_a_spokesperson_of_the_speaker_named_by_its_head_noun_speaks_for_it():
    text = RELEASE + (
        '\n\n"Seoul should accept them all," said Yoo Min-a, the society\'s legal adviser.'
    )
    assert any("accept them all" in s for s, _a in calls_of(text))


def test_the_speakers_own_title_case_headline_is_its_demand_and_a_reporters_is_not():
    headline = "Border Lantern Society Warns of Transfers, Urges Beijing to Free Detainees\n\n"
    assert any(
        s.startswith("Border Lantern Society Warns") for s, _a in calls_of(headline + RELEASE)
    )
    assert extract_calls("Rights Group Urges Beijing to Free Detained Teenagers") == []


# A UN experts' release: the lead names the speaker with "today" and a past
# tense; the rest calls them "the experts" or "they", and quotes office-holders
# listed at the foot of the page by their office.
EXPERTS = "\n\n".join(
    [
        "News | Special Procedures",
        "Mongolia border: UN experts troubled by returns, call for an end to transfers",
        "GENEVA (3 May 2025) – UN experts today urged the Chinese authorities to halt the "
        "transfer of forty people held in Tumen to the North Korean border police.",
        "The experts said the group included two pregnant women. “We have no doubt about what "
        "awaits them,” the experts said.",
        "“Transfers of this kind can never be lawful,” they said.",
        "They urged the authorities to let the UN refugee agency interview each of them.",
        "“Pregnant women who are sent back must be protected from forced abortion,” said the "
        "Special Rapporteur on violence against women, its causes and consequences.",
        "*The experts: Marta Quell, Special Rapporteur on violence against women, its causes "
        "and consequences; Oyelaran Bisi, Special Rapporteur on torture.",
    ]
)


def test_a_release_whose_lead_says_who_urged_today_speaks_in_that_voice():
    found = dict(calls_of(EXPERTS))
    lead = next(s for s in found if s.startswith("GENEVA"))
    assert found[lead] == "china"


def test_they_after_a_quotation_are_the_ones_the_narration_was_about():
    found = dict(calls_of(EXPERTS))
    assert (
        found["They urged the authorities to let the UN refugee agency interview each of them."]
        == "china"
    )


def test_an_office_holder_listed_as_one_of_the_speakers_is_quoted_in_their_voice():
    quoted = [a for s, a in calls_of(EXPERTS) if "must be protected from forced abortion" in s]
    assert quoted == ["china"]  # the passive is for whoever sends them back


def test_a_headline_call_for_an_end_to_a_practice_is_for_the_actor_doing_it():
    found = dict(calls_of(EXPERTS))
    headline = next(s for s in found if s.startswith("Mongolia border"))
    assert found[headline] == "china"


def test_the_same_lead_in_a_news_report_is_reported():
    text = "By Lee Ara, staff reporter\n\n" + EXPERTS.split("\n\n", 2)[2]
    assert extract_calls(text) == []


def test_a_name_above_press_release_is_the_publisher_and_its_coordinator_speaks_for_it():
    text = "\n\n".join(
        [
            "TUMEN BRIDGE NETWORK\nPress release",
            "Eleven groups working with escapees today asked ministers meeting in Jakarta to "
            "discuss the returns.",
            '"Governments should ask Beijing for a moratorium," said Ana Reyes, coordinator of '
            "the Tumen Bridge Network.",
            "The coalition also urged Seoul to speak first.",
        ]
    )
    found = dict(calls_of(text))
    assert any("Governments should ask Beijing" in s for s in found)
    assert found["The coalition also urged Seoul to speak first."] == "south_korea_government"


def test_an_agency_asking_in_the_present_near_the_top_speaks_for_its_notes():
    text = "\n\n".join(
        [
            "Briefing notes",
            "Summary of what the agency's spokesperson said at today's briefing in Geneva.",
            "Refugee Aid Office, the regional refugee agency, is alarmed by reports of returns "
            "from Liaoning.",
            "Refugee Aid Office calls on the Chinese authorities to stop the transfers.",
            '"Nobody should be handed over to face torture," said spokesperson Lina Moro.',
            "The agency also urges all States in the region to keep their borders open.",
        ]
    )
    found = dict(calls_of(text))
    assert found["Refugee Aid Office calls on the Chinese authorities to stop the transfers."] == (
        "china"
    )
    assert (
        found["The agency also urges all States in the region to keep their borders open."]
        == "international_community"
    )
    # the passive in her quote is asked of the one the text urges: nobody is shown doing it
    assert [a for s, a in found.items() if "handed over" in s] == ["china"]


def test_a_noun_after_despite_is_no_speaker():
    text = (
        "The Assembly of Somewhere,\n\n"
        "Despite repeated requests by the Government of the Republic of Korea, the Chinese "
        "authorities have continued to return escapees to the North."
    )
    assert extract_calls(text) == []


def test_a_member_of_the_body_that_convened_the_statement_speaks_for_it():
    text = (
        "On Human Rights Day, the nine organisations listed below call on China to end the "
        "returns.\n\n"
        '"Seoul should stop being polite about it," said Jin Mi-rae, director of the River '
        "Women Network, which convened the statement."
    )
    assert any("stop being polite" in s for s, _a in calls_of(text))


def test_a_quotation_over_two_paragraphs_is_its_speakers_in_both():
    text = (
        "Press release\n\nSeoul Refuge Circle today urged China to halt the transfers.\n\n"
        '"The women held in Tumen have done nothing wrong. Beijing must let them go to the '
        "South.\n\n"
        '"Every day they are held is a day of fear," said Kim Ara, director of Seoul Refuge '
        "Circle."
    )
    assert ("Beijing must let them go to the South.", "china") in calls_of(text)


def test_a_story_that_asks_the_other_side_for_comment_is_a_report():
    text = (
        "SEOUL — Rights groups today urged China to halt the returns.\n\n"
        "The Chinese embassy declined to comment on Tuesday."
    )
    assert extract_calls(text) == []


def test_a_speaker_that_is_only_described_makes_calls_below_the_approval_line():
    # "A coalition of rights groups" may be the release's own voice or a story's
    # subject: the call is kept, but not approved unread.
    text = (
        "A coalition of rights groups today urged China to let the detainees leave.\n\n"
        "The groups also called on Seoul to press for access."
    )
    calls = extract_calls(text)
    assert [c.addressee for c in calls] == ["china", "south_korea_government"]
    assert all(c.score < 0.85 for c in calls)
    # A name is no more settled by one lead: a release that names its issuer in its
    # header as well is.
    named = text.replace("A coalition of rights groups", "Open Gate Network")
    assert all(c.score < 0.85 for c in extract_calls(named))
    released = extract_calls("Open Gate Network\n\nPRESS RELEASE\n\n" + named)
    assert [c.addressee for c in released] == ["china", "south_korea_government"]
    assert all(c.score >= 0.85 for c in released)


def test_an_organisations_short_name_and_a_spokesperson_named_with_it_speak_for_it():
    text = (
        "PRESS RELEASE\n\n"
        "River Crossing Watch (RCW) today urged China to free the eleven.\n\n"
        '"Beijing should let them go," said Ana Kim, RCW\'s legal adviser.'
    )
    assert ('"Beijing should let them go," said Ana Kim, RCW\'s legal adviser.', "china") in (
        calls_of(text)
    )


def test_a_paragraph_after_x_needs_to_hear_this_is_said_to_x():
    text = (
        "Our view\n\nThe returns went on all summer.\n\n"
        "Beijing, too, needs to hear this plainly. Let the agency into the detention centres."
    )
    assert calls_of(text)[-1] == ("Let the agency into the detention centres.", "china")


def test_a_wire_dateline_naming_its_agency_makes_the_text_a_report():
    text = (
        "BUSAN, May 9 (Harbour Wire) - Activists on Friday urged China to free the women.\n\n"
        "China must open its detention centres, said Yoo Ji-an, an activist with a local group."
    )
    assert extract_calls(text) == []


def test_an_attribution_after_the_demand_with_the_verb_first_is_someone_elses():
    assert extract_calls("Seoul should press harder, said Oh Min-jae, a lawmaker.") == []
    own = (
        "Han River Relief\n\nPRESS RELEASE\n\nHan River Relief today urged Seoul to act.\n\n"
        "Seoul must speak up now, said Ro Yun-hee, director of Han River Relief."
    )
    assert extract_calls(own)[-1].ask == "Speak up now"


def test_a_ministrys_statement_speaks_as_the_government_and_it():
    text = (
        "Statement by the Ministry of Foreign Affairs on the detained North Koreans\n\n"
        "The Government notes the reports with grave concern. The Government has long raised "
        "the matter with Beijing, and it again urges China to let the detainees leave."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china"]


def test_some_groups_are_others_and_a_ministry_is_no_group():
    text = (
        "Briefing by the Unification Ministry spokesperson\n\nThe Government regrets the "
        "returns. We call on the Chinese government to stop them.\n\n"
        "Q. Some civic groups are urging the Government to summon the ambassador. Your view?\n\n"
        "A. We are aware of those calls."
    )
    assert [c.addressee for c in extract_calls(text)] == ["china"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the embassy's view, Seoul should wait for the investigation.",
        "The envoy's message was blunt: Seoul should stay out of it.",
        "For Beijing's negotiators, the answer is simple: Tokyo should mind its own affairs.",
        "In a joint letter, the senators wrote that China must end the returns.",
        "The placard outside the consulate read: Let them go.",
    ],
)
def test_someone_elses_view_message_or_words_are_reported(sentence):
    assert extract_calls(sentence) == []


def test_our_view_and_our_message_stay_our_own():
    assert len(extract_calls("In our view, Seoul should act now.")) == 1
    assert len(extract_calls("Our message is clear: Seoul should speak up.")) == 1


def test_a_lead_that_names_its_issuer_after_the_demand_gives_the_release_its_voice():
    text = (
        "Press releases | Treaty bodies\n\n"
        "GENEVA (3 May 2026) - Beijing must halt the transfers at once, UN experts said "
        "today, warning of torture on return.\n\n"
        "The experts urged the Chinese authorities to let the refugee agency see every detainee."
    )
    assert calls_of(text)[-1] == (
        "The experts urged the Chinese authorities to let the refugee agency see every detainee.",
        "china",
    )


def test_a_new_main_clause_after_a_verb_of_knowing_or_saying_is_not_its_content():
    sentence = "The public has a right to know, and the Presidential Office should publish it."
    assert len(extract_calls(sentence)) == 1
    assert extract_calls("Kim said the talks failed, and that Seoul should act.") == []


def test_a_spokespersons_briefing_speaks_for_whom_they_speak_for():
    text = (
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
        "The Secretary-General is following the reports of returns with concern. He "
        "reiterates his call on all Member States to uphold the principle of "
        "non-refoulement. He also calls on the authorities of the DPRK to release them."
    )
    assert [a for _s, a in calls_of(text)] == ["international_community", "north_korea"]


def test_a_statement_issued_paragraph_by_paragraph_is_the_issuers_own():
    text = (
        "WASHINGTON — Senator Ana Ruiz and Representative Tom Hale issued the following "
        "statement today after credible reports that the authorities in Liaoning returned at "
        "least forty North Korean refugees to North Korea in the last days of January:\n\n"
        '"The people sent back will face prison camps. Beijing must end these returns.\n\n'
        '"Seoul and Tokyo have a stake in this, and they should join us in a public démarche."'
    )
    calls = {c.sentence.strip('"“'): c.addressee for c in extract_calls(text)}
    assert calls["Beijing must end these returns."] == "china"
    assert (
        calls["Seoul and Tokyo have a stake in this, and they should join us in a public démarche."]
        == "international_community"
    )


def test_a_quotation_signed_with_a_bare_title_in_an_organisations_newsletter_is_its_own():
    text = (
        "Hanul Bridge\n\nNewsletter, November\n\nHanul Bridge is an independent charity that "
        "helps North Koreans who reach Seoul.\n\nFROM OUR DIRECTOR\n\n"
        '"The waiting list is long. Seoul\'s Ministry of Unification should double the places '
        'in its centre." — Park Ye-jin, Director\n\n'
        "Thank you for reading, and for all you have given this year."
    )
    assert calls_of(text)[-1][1] == "south_korea_government"


def test_a_release_that_says_the_police_declined_to_comment_still_speaks_for_itself():
    release = (
        "Kestrel Bay Refugee Aid\n\n"
        "PRESS RELEASE\n\n"
        "For immediate release\n\n"
        "Seoul — Police in Hunchun detained four North Koreans on Monday. Kestrel Bay Refugee "
        "Aid works with their families.\n\n"
        "Kestrel Bay Refugee Aid calls on the Chinese authorities to release the four.\n\n"
        "The Hunchun police declined to comment.\n"
    )
    assert [c.addressee for c in extract_calls(release, learned=False)] == ["china"]
    # a news story says the same words of others: their demand is reported
    story = release.replace("PRESS RELEASE\n\nFor immediate release\n\n", "").replace(
        "Kestrel Bay Refugee Aid\n\n", "Northern Daily\n\n", 1
    )
    assert extract_calls(story, learned=False) == []


def test_a_un_release_speaks_through_the_mandate_holder_it_is_about():
    text = (
        "UN Human Rights Office\n\n"
        "Press releases\n\n"
        "UN expert alarmed by returns from Jilin\n\n"
        "GENEVA (3 May 2026) – A UN human rights expert today voiced alarm at the return of "
        "forty people from Jilin to the DPRK.\n\n"
        "\"These people face torture on return,\" said Tomas Lindqvist-Arce, the Special "
        "Rapporteur on torture.\n\n"
        "The Special Rapporteur noted that he had raised the cases with the Government.\n\n"
        "He called on the Chinese authorities to halt all further returns.\n"
    )
    calls = {c.sentence: c.addressee for c in extract_calls(text, learned=False)}
    assert calls["He called on the Chinese authorities to halt all further returns."] == "china"
