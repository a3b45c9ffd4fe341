"""A letter speaks to the office it is sent to: where an ask names that office, by its
name, short name or a description, the letter says "you" (in Korean 귀 기구, 귀하, ...),
never "the UN refugee agency" to the UN refugee agency. Pure composition."""

import re

import pytest

from campaign.letters.compose import OfficialInfo, PointInfo, Sender, ask_for, compose_letter
from campaign.letters.office_names import address_office, office_names

UNHCR = OfficialInfo(
    title="UN High Commissioner for Refugees",
    organisation="Office of the United Nations High Commissioner for Refugees (UNHCR)",
    title_ko="유엔난민최고대표",
    organisation_ko="유엔난민기구(UNHCR)",
    key="6",
    addressee="international_community",
    role="un_agency",
)
RAPPORTEUR = OfficialInfo(
    title="UN Special Rapporteur on the situation of human rights in the DPRK",
    organisation="United Nations Human Rights Council",
    title_ko="유엔 북한인권 특별보고관",
    organisation_ko="유엔 인권이사회",
    key="7",
    addressee="international_community",
    role="un_mandate",
)
UNIFICATION = OfficialInfo(
    title="Minister of Unification",
    organisation="Ministry of Unification of the Republic of Korea",
    title_ko="통일부 장관",
    organisation_ko="대한민국 통일부",
    key="4",
    addressee="south_korea_government",
    role="minister",
)
REACH_THEM = PointInfo(
    ask="Stop the forced repatriation of North Korean defectors, let the UN refugee agency "
    "reach them and allow them safe passage to a country that will protect them",
    ask_ko="탈북민 강제 북송을 중단하고, 유엔난민기구가 이들을 만날 수 있게 하며, 이들을 보호할 "
    "나라로 안전하게 갈 수 있도록 허용해 주십시오",
    addressee="china",
)
SENDERS = [Sender(name=f"Supporter {n}", city="Lyon") for n in range(12)]


def _point(ask, ask_ko="", addressee="china"):
    return PointInfo(ask=ask, ask_ko=ask_ko, addressee=addressee)


def test_the_refugee_agency_is_asked_to_urge_china_to_let_it_reach_them_as_you():
    for sender in SENDERS:
        letter = compose_letter(UNHCR, [REACH_THEM], sender)
        assert "refugee agency" not in letter.text
        assert re.search(r"(?:urge|call on) the Chinese \w+.*\blet you reach them\b", letter.text)


def test_a_korean_letter_calls_the_refugee_agency_귀_기구_with_the_particle_it_takes():
    for sender in SENDERS:
        letter = compose_letter(UNHCR, [REACH_THEM], sender, language="ko")
        assert "유엔난민기구" not in letter.asks[0]
        assert "귀 기구가 이들을 만날 수 있게" in letter.asks[0]
        assert letter.asks[0].startswith("중국 당국")


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        ("Grant UNHCR access to detainees", "grant you access to detainees"),
        ("Let UNHCR’s staff visit the camps", "let your staff visit the camps"),
        ("Let UNHCR staff visit the camps", "let your staff visit the camps"),
        ("Ensure UNHCR access to detainees", "ensure your access to detainees"),
        ("Cooperate with the United Nations refugee agency", "cooperate with you"),
    ],
)
def test_a_short_name_or_description_becomes_you_or_your(ask, expected):
    reframed = ask_for(UNHCR, _point(ask))
    assert expected in reframed
    assert "UNHCR" not in reframed and "agency" not in reframed


def test_a_verb_after_the_office_agrees_with_you():
    access = _point("Make sure the UN refugee agency has access to every detainee")
    reframed = ask_for(UNHCR, access)
    assert "make sure you have access to every detainee" in reframed
    statement = ask_for(UNHCR, _point("UNHCR is allowed into every detention centre"))
    assert "you are allowed into every detention centre" in statement


def test_a_korean_short_name_takes_the_body_s_second_person():
    reframed = ask_for(UNHCR, _point("x", "UNHCR의 접근을 허용해 주십시오"), "ko")
    assert "귀 기구의 접근을 허용할 것을" in reframed


def test_a_rapporteur_is_you_in_english_and_귀하_in_korean():
    english = ask_for(
        RAPPORTEUR,
        _point("Allow the Special Rapporteur on the situation of human rights in the DPRK to "
               "visit the border areas"),  # fmt: skip
    )
    assert "to allow you to visit the border areas" in english
    korean = ask_for(
        RAPPORTEUR, _point("x", "유엔 북한인권 특별보고관의 방문을 허용해 주십시오"), "ko"
    )
    assert "귀하의 방문을 허용할 것을" in korean
    assert "특별보고관" not in korean


def test_another_holder_of_a_title_or_another_country_s_office_is_not_the_reader():
    rapporteur = office_names(RAPPORTEUR.title, RAPPORTEUR.organisation)
    torture = "Let the Special Rapporteur on torture visit the camps"
    assert address_office(torture, rapporteur) == torture
    minister = office_names("Minister of Foreign Affairs", "Ministry of Foreign Affairs of the ROK")
    for ask in ("Urge China’s Minister of Foreign Affairs to act",
                "Urge the Chinese Minister of Foreign Affairs to act"):  # fmt: skip
        assert address_office(ask, minister) == ask
    korean = office_names("외교부 장관", "대한민국 외교부", language="ko")
    for ask in ("중국 외교부에 요구해 주십시오", "중국의 외교부에 요구해 주십시오"):
        assert address_office(ask, korean, "ko") == ask
    # Another UN body is not the refugee agency.
    other = ask_for(UNHCR, _point("Let the UN human rights office reach them"))
    assert "the UN human rights office" in other


def test_an_office_s_own_ask_that_names_it_speaks_to_it():
    english = ask_for(
        UNIFICATION,
        _point("The Ministry of Unification must take in every defector who reaches an embassy",
               addressee="south_korea_government"),  # fmt: skip
    )
    assert english == "You must take in every defector who reaches an embassy"
    korean = ask_for(
        UNIFICATION,
        _point("x", "통일부는 탈북민 보호에 앞장서야 합니다", addressee="south_korea_government"),
        "ko",
    )
    assert korean == "귀 부처는 탈북민 보호에 앞장서야 합니다"


@pytest.mark.parametrize(
    ("title", "organisation", "text", "expected"),
    [
        ("주한 중국 대사", "주한 중화인민공화국 대사관", "주한 중화인민공화국 대사관을 통해 전달해",
         "귀 대사관을 통해 전달해"),
        ("유엔난민최고대표", "유엔난민기구", "유엔난민기구를 통해 전달해", "귀 기구를 통해 전달해"),
        ("외교통일위원회", "대한민국 국회", "외교통일위원회가 결의안을", "귀 위원회가 결의안을"),
        ("통일부 장관", "대한민국 통일부", "통일부 장관과 만나", "귀하와 만나"),
    ],
)  # fmt: skip
def test_a_korean_name_gives_way_to_its_second_person_and_the_particle_is_chosen_again(
    title, organisation, text, expected
):
    assert address_office(text, office_names(title, organisation, language="ko"), "ko") == expected


def test_the_larger_body_an_office_sits_in_is_not_the_office():
    # The Special Rapporteur reports to the Human Rights Council; he is not the Council.
    english = "Ask the United Nations Human Rights Council to renew the mandate"
    assert address_office(english, RAPPORTEUR.names("en")) == english
    korean = "유엔 인권이사회가 임무를 연장하도록 요청해 주십시오"
    assert address_office(korean, RAPPORTEUR.names("ko"), "ko") == korean


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        ("Allow UNHCR to do its job", "allow you to do your job"),
        ("Let the UN refugee agency reach them and carry out its mandate",
         "let you reach them and carry out your mandate"),
        # "its" after another name or noun may be theirs: left alone.
        ("Let UNHCR visit China and its prisons", "let you visit China and its prisons"),
        ("Let UNHCR inspect the camp and its records", "let you inspect the camp and its records"),
    ],
)  # fmt: skip
def test_the_office_s_own_its_becomes_your(ask, expected):
    assert expected in ask_for(UNHCR, _point(ask))


def test_the_office_s_own_task_in_korean_is_귀_기구_s():
    task = _point("x", "유엔난민기구가 본연의 임무를 수행할 수 있게 해 주십시오")
    korean = ask_for(UNHCR, task, "ko")
    assert "귀 기구가 본연의 임무를 수행할 수 있게" in korean


def test_an_ask_to_support_the_office_itself_is_not_for_that_office():
    # For other governments to do; the agency cannot fund or back itself.
    for ask, ask_ko in (
        ("Support the UN refugee agency’s work", "유엔난민기구의 활동을 지원해 주십시오"),
        ("Fund UNHCR fully", "유엔난민기구에 대한 재정 지원을 늘려 주십시오"),
        ("Cooperate with UNHCR", "유엔난민기구와 협력해 주십시오"),
    ):
        point = _point(ask, ask_ko, addressee="international_community")
        assert ask_for(UNHCR, point) is None, ask
        assert ask_for(UNHCR, point, "ko") is None, ask_ko
        letter = compose_letter(UNHCR, [point, REACH_THEM], SENDERS[0])
        assert letter.not_for_office == (point,)
    # Pressing others to support it is the agency's to do.
    china = _point("Cooperate with UNHCR", "유엔난민기구와 협력해 주십시오")
    assert ask_for(UNHCR, china).endswith("to cooperate with you")
    assert ask_for(UNHCR, china, "ko").endswith("귀 기구와 협력할 것을 촉구해 주십시오")
