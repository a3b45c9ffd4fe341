"""A letter asks each office what that office can do, in its words; pure composition."""

import re
from datetime import date

import pytest

from campaign.letters.compose import (
    OfficialInfo,
    PointInfo,
    Sender,
    Source,
    compose_letter,
    english_rendering,
    is_own,
    usable_points,
)

JOONGANG = Source("China and defectors", "Korea JoongAng Daily", date(2012, 4, 4))
END_POLICY = PointInfo(
    ask="Put an end to your merciless policy of cracking down on North Korean defectors by "
    "forcing their repatriation",
    ask_ko="탈북자들을 단속해 강제로 북송하는 귀국의 무자비한 정책을 중단해 주십시오",
    source=JOONGANG,
    addressee="china",
)
SPEAK_UP = PointInfo(ask="Do not remain silent", ask_ko="침묵하지 마십시오", addressee="public")
UNHCR = OfficialInfo(title="UN High Commissioner for Refugees", key="6",
                     addressee="international_community", role="un_agency")  # fmt: skip
RAPPORTEUR = OfficialInfo(title="UN Special Rapporteur on the DPRK", key="7",
                          addressee="international_community")  # role guessed  # fmt: skip
AMBASSADOR = OfficialInfo(title="Ambassador of China", key="1", addressee="china",
                          role="ambassador")  # fmt: skip
UNIFICATION = OfficialInfo(title="Minister of Unification", key="4", language="ko",
                           salutation="존경하는 통일부 장관님께",
                           addressee="south_korea_government", role="minister")  # fmt: skip
SENDERS = [Sender(name=f"Supporter {n}", city="Lyon") for n in range(24)]


def test_an_ask_to_china_reaches_the_refugee_agency_as_something_it_can_do():
    for sender in SENDERS:
        letter = compose_letter(UNHCR, [END_POLICY], sender)
        assert "your merciless policy" not in letter.text
        assert not re.search(r"you (?:to|would) put an end", letter.text)
        assert re.search(r"(?:urge|call on) the Chinese (?:government|authorities)", letter.text)
        assert "its merciless policy" in letter.text or "their merciless policy" in letter.text


def test_the_role_is_guessed_from_the_title_when_none_is_set():
    letter = compose_letter(RAPPORTEUR, [END_POLICY], SENDERS[0])
    assert "public reports" in letter.text


def test_an_ambassador_is_asked_to_convey_his_own_government_s_ask():
    texts = [compose_letter(AMBASSADOR, [END_POLICY], sender).text for sender in SENDERS]
    assert all("your government" in text or "your country’s" in text for text in texts)
    assert all("your merciless policy" not in text for text in texts)


def test_a_request_never_says_its_verb_twice():
    for sender in SENDERS:
        for office in (UNHCR, AMBASSADOR, RAPPORTEUR):
            text = compose_letter(office, [END_POLICY], sender).text
            assert not re.search(r"\b(urge|ask|call on) you to \1\b", text, re.IGNORECASE), text
            assert not re.search(r"\bI ask you to ask\b", text)


def test_points_an_office_cannot_act_on_are_left_out_and_reported():
    letter = compose_letter(UNHCR, [SPEAK_UP, END_POLICY], SENDERS[0])
    assert letter.not_for_office == (SPEAK_UP,)
    assert "silent" not in letter.text
    assert len(letter.asks) == 1
    empty = compose_letter(UNHCR, [SPEAK_UP], SENDERS[0])
    assert not empty.has_ask
    assert usable_points(UNHCR, [SPEAK_UP, END_POLICY]) == [END_POLICY]


def test_own_points_are_told_from_those_to_press_on_others():
    assert is_own(AMBASSADOR, END_POLICY)  # his government's conduct: he conveys it
    assert not is_own(UNHCR, END_POLICY)
    assert is_own(UNHCR, PointInfo(ask="Speak up", addressee="international_community"))


def test_korean_letter_reframes_the_korean_ask():
    letter = compose_letter(UNIFICATION, [END_POLICY], Sender(name="김민수"))
    assert "귀국" not in letter.text
    assert "중국 정부" in letter.text and "자국의 무자비한 정책" in letter.text
    assert letter.text.startswith("존경하는 통일부 장관님께")


def test_reply_address_is_printed_in_the_closing_and_under_the_name():
    sender = Sender(name="Alice Kim", city="Toronto", reply_email="alice@example.org",
                    reply_address="12 King Street\n\nToronto M5V 1A1")  # fmt: skip
    letter = compose_letter(UNHCR, [END_POLICY], sender)
    assert "alice@example.org" in letter.paragraphs[-1]
    assert "address below" in letter.paragraphs[-1] or "postal address is below" in (
        letter.paragraphs[-1]
    )
    assert letter.signature == ("Alice Kim", "Toronto", "12 King Street", "Toronto M5V 1A1")
    korean = compose_letter(UNIFICATION, [END_POLICY], Sender(name="김민수",
                            reply_email="minsu@example.org"))  # fmt: skip
    assert "답신은 이메일(minsu@example.org)로 보내 주십시오." in korean.paragraphs[-1]
    assert "주소" not in korean.paragraphs[-1]
    plain = compose_letter(UNHCR, [END_POLICY], Sender(name="Bo"))
    assert "reply to me" not in plain.text and "@" not in plain.text


@pytest.mark.parametrize("email, address, expected", [
    ("a@example.org", "", "a@example.org"),
    ("", "1 Road", "below"),
])  # fmt: skip
def test_either_way_of_replying_alone_is_enough(email, address, expected):
    sender = Sender(name="Bo", reply_email=email, reply_address=address)
    letter = compose_letter(UNHCR, [END_POLICY], sender)
    assert expected in letter.paragraphs[-1]
    assert ("1 Road" in letter.signature) == bool(address)


def test_english_rendering_of_a_korean_letter_follows_its_points():
    english_only = PointInfo(ask="Open a hotline", addressee="south_korea_government")
    sender = Sender(name="Alice", reply_email="alice@example.org")
    korean = compose_letter(UNIFICATION, [END_POLICY, english_only], sender)
    rendering = english_rendering(UNIFICATION, [END_POLICY, english_only], sender)
    assert korean.language == "ko" and rendering.language == "en"
    assert rendering.salutation == "Dear Minister,"  # not the Korean salutation
    assert "hotline" not in rendering.text  # left out of the Korean letter, so here too
    assert "Beijing" in rendering.text or "Chinese" in rendering.text
    assert "alice@example.org" in rendering.text
    assert not re.search(r"[가-힣]", rendering.text)


MINISTER = OfficialInfo(title="Minister of Unification", key="4",
                        addressee="south_korea_government", role="minister")  # fmt: skip


def test_a_request_does_not_ask_twice_in_one_sentence():
    # "I respectfully urge you to raise the matter with Beijing and urge it to ...";
    # "다음 사항을 실행해 주시기를 요청드립니다. ...할 것을 요청해 주십시오".
    for sender in [Sender(name=f"Supporter {n}", city="Lyon") for n in range(40)]:
        for office in (MINISTER, AMBASSADOR, UNHCR, RAPPORTEUR):
            english = compose_letter(office, [END_POLICY], sender)
            request = english.paragraphs[1]
            for verb in ("urge", "ask"):
                assert len(re.findall(rf"\b{verb}\b", request, re.IGNORECASE)) < 2, request
            korean = compose_letter(office, [END_POLICY], sender, language="ko")
            request = korean.paragraphs[1]
            for verb in ("요청", "부탁"):
                assert request.count(verb) < 2, request


def _china(ask, ask_ko):
    return PointInfo(ask=ask, ask_ko=ask_ko, addressee="china")


def _seoul(ask, ask_ko):
    return PointInfo(ask=ask, ask_ko=ask_ko, addressee="south_korea_government")


MIXED = [
    _china("Stop repatriating defectors", "탈북민 송환을 중단해 주십시오"),
    _seoul("Come up with effective measures", "실효성 있는 대책을 마련해 주십시오"),
    _china("Release the detained defectors", "구금된 탈북민을 석방해 주십시오"),
    _seoul("Take in every defector", "모든 탈북민을 받아들여 주십시오"),
    _china("Let the defectors leave for a safe country", "탈북민을 안전한 나라로 보내 주십시오"),
]


def _opening(text, words):
    return " ".join(text.split()[:words])


def test_reframed_asks_take_turns_through_the_phrasings_with_own_asks_between():
    # With an office's own asks between them, every reframed ask used to get the same
    # phrasing: "Raise the matter with Beijing and urge it ..." three times.
    office = OfficialInfo(title="Minister of Unification", key="4",
                          addressee="south_korea_government", role="minister")  # fmt: skip
    for sender in SENDERS:
        for language in ("en", "ko"):
            letter = compose_letter(office, MIXED, sender, language)
            reframed = [letter.asks[0], letter.asks[2], letter.asks[4]]
            assert _opening(reframed[0], 2) != _opening(reframed[1], 2), reframed
            assert _opening(reframed[1], 2) != _opening(reframed[2], 2), reframed


def test_consecutive_requests_do_not_open_alike():
    for sender in [Sender(name=f"Supporter {n}", city="Lyon") for n in range(40)]:
        for office in (MINISTER, UNHCR, RAPPORTEUR, AMBASSADOR):
            for language in ("en", "ko"):
                letter = compose_letter(office, MIXED + [END_POLICY], sender, language)
                requests = letter.paragraphs[1 : 1 + len(letter.asks)]
                for first, second in zip(requests, requests[1:], strict=False):
                    assert _opening(first, 4) != _opening(second, 4), (first, second)
