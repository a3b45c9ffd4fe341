"""Asks are reframed for the office that receives them, in English and Korean.

An ask addressed to someone else must reach an office as something that office can
do, never as the other addressee's imperative with its "your" still in it.
"""

import pathlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.asks import normalise_ask
from articles.demo import ASKS_IN_KOREAN
from articles.extraction import extract_calls
from campaign.demo import DEMO_OFFICIALS, EDITORIALS_DIR
from campaign.letters.actors_en import NAMES
from campaign.letters.office_roles import ACTORS, STATE_ROLES, Path, Role, guess_role, path
from campaign.letters.reframe import reframe, reframe_path
from campaign.letters.reframe_en import collapse
from campaign.letters.reframe_ko import ACTOR_PATTERNS as KO_ACTORS
from campaign.lib import hangul

OFFICE_CLASSES = ["china", "south_korea_government", "north_korea", "international_community",
                  "other"]  # fmt: skip

# One ask per addressee, as talking points have them, each in the second person.
ASKS = {
    "china": (
        "Put an end to your merciless policy of cracking down on North Korean defectors by "
        "forcing their repatriation",
        "탈북자들을 단속해 강제로 북송하는 귀국의 무자비한 정책을 중단해 주십시오",
    ),
    "south_korea_government": (
        "Play your part by finding ways to improve the defectors’ miserable lives in China",
        "중국에 있는 탈북자들의 비참한 삶을 개선할 방안을 찾아 제 역할을 다해 주십시오",
    ),
    "north_korea": (
        "Stop punishing the people who are sent back to you",
        "송환된 이들을 처벌하지 마십시오",
    ),
    "international_community": (
        "Use your votes at the United Nations to protect North Korean refugees",
        "유엔에서 귀국의 표결권을 행사해 탈북 난민을 보호해 주십시오",
    ),
    "other": (
        "Stop handing defectors over to the border police",
        "탈북민을 국경 경찰에 넘기지 마십시오",
    ),
    "public": (
        "Sign the petition and write to your MP",
        "청원에 서명하고 지역구 의원에게 편지를 써 주십시오",
    ),
}

# The second person a reframed English ask may keep: it speaks to the office itself.
OFFICE_OWN = re.compile(
    r"\byour (?:government’s contacts|government|country’s authorities|public reports"
    r"|communications|dialogue|influence)\b"
)
SECOND_PERSON = re.compile(r"\byou(?:r|rs|rself|rselves)?\b|\byou['’]", re.IGNORECASE)
KO_SECOND_PERSON = re.compile(r"귀국|귀\s*정부|귀하|귀측|귀\s*기관")
# The verbs reframed asks begin with: what the office does, not what the ask's
# addressee was asked to do.
FRAME_VERBS = {"Press", "Raise", "Make", "Use", "Convey", "Ask", "Urge", "Adopt", "Hold", "Call"}
PRONOUNS = {"you", "your", "yours", "yourself", "yourselves", "do", "not", "never", "please",
            "don’t", "don't"}  # fmt: skip


def words(text):
    return re.findall(r"[\w’'-]+", text.casefold())


def in_order(needles, haystack):
    """True when `needles` occur in `haystack` in the same order (not necessarily adjacent)."""
    remaining = iter(haystack)
    return all(any(word == needle for word in remaining) for needle in needles)


def content_words(ask):
    return [word for word in words(ask) if word not in PRONOUNS]


def english_names(point_addressee, role, route):
    own = ["your government", "your country’s authorities"]
    if route == Path.OWN_GOVERNMENT:
        # A parliament calls on the government it holds to account.
        return ["the Government"] if role == Role.LEGISLATURE else own
    names = [name.text for voice in NAMES[point_addressee].values() for name in voice]
    # An ambassador may be asked to convey a collapsed ask to his own government.
    return names + own if role == Role.AMBASSADOR else names


def korean_names(point_addressee, role, route):
    if route == Path.OWN_GOVERNMENT:
        return ["정부에"] if role == Role.LEGISLATURE else ["본국 정부"]
    return {
        "china": ["중국 정부", "중국 당국"],
        "south_korea_government": ["한국 정부"],
        "north_korea": ["북한 당국"],
        "international_community": ["유엔 회원국들"],
        "other": ["관련 당사자들"],
    }[point_addressee]


def assert_reframed_english(ask, result, point_addressee, role, route):
    assert result, "an ask to a government is always something an office can press for"
    assert result.split(" ", 1)[0] in FRAME_VERBS, result
    leftover = OFFICE_OWN.sub("", result)
    assert not SECOND_PERSON.search(leftover), f"second person taken from the ask: {result}"
    assert any(name in result for name in english_names(point_addressee, role, route)), result
    assert in_order(content_words(ask), words(result)), f"content lost: {ask} → {result}"
    assert not re.search(r"\b(?:it are|it were|it have|it do|they is|they was|they has)\b", result)


def korean_content(ask_ko):
    """The words of a Korean ask before its verb, as a reframed ask must keep them."""
    return KO_SECOND_PERSON.sub("자국", ask_ko).split()[:-2]


def assert_reframed_korean(ask_ko, result, point_addressee, role, route):
    assert result
    assert not KO_SECOND_PERSON.search(result), f"second person taken from the ask: {result}"
    assert any(name in result for name in korean_names(point_addressee, role, route)), result
    assert in_order(korean_content(ask_ko), result.split()), f"{ask_ko} → {result}"
    assert "것을" in result
    assert result.endswith("주십시오")  # the register of the ask it came from


# Every pair ----------------------------------------------------------------------------


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("office_class", OFFICE_CLASSES)
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("point_addressee", ACTORS)
def test_every_pair_of_addressee_and_office(point_addressee, role, office_class, variant):
    ask, ask_ko = ASKS[point_addressee]
    english = reframe(ask, point_addressee, role, office_class, "en", variant)
    korean = reframe(ask_ko, point_addressee, role, office_class, "ko", variant)
    route = path(point_addressee, role, office_class)
    if route == Path.NONE:
        assert english is None and korean is None
    elif route == Path.DIRECT:
        assert (english, korean) == (ask, ask_ko)
    else:
        assert_reframed_english(ask, english, point_addressee, role, route)
        assert_reframed_korean(ask_ko, korean, point_addressee, role, route)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_two_phrasings(role):
    ask = "Let the UN refugee agency reach North Koreans held near the border"
    first = reframe(ask, "china", role, "south_korea_government", "en", 0)
    second = reframe(ask, "china", role, "south_korea_government", "en", 1)
    assert first != second
    ask_ko = "유엔난민기구가 국경 근처에 구금된 탈북민을 만날 수 있게 해 주십시오"
    assert reframe(ask_ko, "china", role, "other", "ko", 0) != reframe(
        ask_ko, "china", role, "other", "ko", 1
    )


def test_the_same_call_gives_the_same_words():
    ask, ask_ko = ASKS["china"]
    for variant in range(4):
        assert reframe(ask, "china", Role.UN_AGENCY, "international_community", "en", variant) == (
            reframe(ask, "china", Role.UN_AGENCY, "international_community", "en", variant % 2)
        )
    assert reframe(ask_ko, "china", "un_agency", "international_community", "ko") == reframe(
        ask_ko, "china", Role.UN_AGENCY, "international_community", "ko"
    )


# What each role does -------------------------------------------------------------------

CHINA_ASK, CHINA_ASK_KO = ASKS["china"]


def test_un_refugee_agency_urges_the_chinese_authorities():
    assert reframe(CHINA_ASK, "china", Role.UN_AGENCY, "international_community") == (
        "Urge the Chinese government to put an end to its merciless policy of cracking down on "
        "North Korean defectors by forcing their repatriation"
    )
    assert reframe(CHINA_ASK_KO, "china", Role.UN_AGENCY, "international_community", "ko") == (
        "중국 당국에 탈북자들을 단속해 강제로 북송하는 자국의 무자비한 정책을 중단할 것을 "
        "촉구해 주십시오"
    )


def test_seouls_foreign_ministry_presses_beijing():
    assert reframe(CHINA_ASK, "china", Role.FOREIGN_MINISTER, "south_korea_government") == (
        "Press Beijing to put an end to its merciless policy of cracking down on North Korean "
        "defectors by forcing their repatriation"
    )
    assert reframe(
        CHINA_ASK_KO, "china", Role.FOREIGN_MINISTER, "south_korea_government", "ko"
    ) == (
        "외교 경로로 중국 정부에 탈북자들을 단속해 강제로 북송하는 자국의 무자비한 정책을 "
        "중단할 것을 촉구해 주십시오"
    )


def test_ambassador_conveys_his_own_governments_conduct_to_it():
    assert reframe(CHINA_ASK, "china", Role.AMBASSADOR, "china") == (
        "Convey to your government that it should put an end to its merciless policy of "
        "cracking down on North Korean defectors by forcing their repatriation"
    )
    assert reframe(CHINA_ASK_KO, "china", Role.AMBASSADOR, "china", "ko") == (
        "본국 정부에 탈북자들을 단속해 강제로 북송하는 자국의 무자비한 정책을 중단할 것을 "
        "건의해 주십시오"
    )


def test_ambassador_asks_his_government_to_press_another():
    ask = "Stop punishing the people who are sent back to you"
    assert reframe(ask, "north_korea", Role.AMBASSADOR, "china") == (
        "Convey to your government that it should urge the North Korean authorities to stop "
        "punishing the people who are sent back to them"
    )
    assert reframe(
        "송환된 이들을 처벌하지 마십시오", "north_korea", "ambassador", "china", "ko"
    ) == ("본국 정부가 북한 당국에 송환된 이들을 처벌하지 말 것을 촉구하도록 건의해 주십시오")


def test_parliamentary_committee_adopts_a_resolution_or_holds_a_hearing():
    office = (Role.LEGISLATURE, "south_korea_government")
    assert reframe(CHINA_ASK, "china", *office).startswith(
        "Adopt a resolution calling on the Chinese government to put an end to its merciless"
    )
    assert reframe(CHINA_ASK, "china", *office, variant=1).startswith(
        "Hold a hearing on the matter and press the Chinese government to put an end to its"
    )
    assert reframe(CHINA_ASK_KO, "china", *office, "ko").endswith(
        "중단할 것을 촉구하는 결의안을 채택해 주십시오"
    )
    assert reframe(CHINA_ASK_KO, "china", *office, "ko", 1).startswith(
        "청문회를 열어 이 문제를 다루고, 중국 정부에"
    )


def test_un_rapporteur_raises_it_and_reports_publicly():
    office = (Role.UN_MANDATE, "international_community")
    assert reframe(CHINA_ASK, "china", *office).startswith(
        "Raise the matter with the Chinese government and call on it, in your public reports, "
        "to put an end to its merciless policy"
    )
    korean = reframe(CHINA_ASK_KO, "china", *office, "ko")
    assert korean.startswith("중국 당국에 이 문제를 제기하여 탈북자들을")
    assert korean.endswith("중단할 것을 촉구하고, 공개 보고서에서도 다뤄 주십시오")


def test_states_rally_other_member_states_for_the_international_communitys_asks():
    ask = "Refer the situation to the International Criminal Court"
    assert reframe(ask, "international_community", Role.MINISTER, "south_korea_government") == (
        "Raise the matter with other UN member states and urge them to refer the situation to "
        "the International Criminal Court"
    )
    assert reframe(ask, "international_community", Role.OTHER, "china") == (
        "Urge UN member states to refer the situation to the International Criminal Court"
    )


# Asks that change in kind ----------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("office_class", [*OFFICE_CLASSES, "public"])
def test_asks_to_the_public_go_to_no_official(role, office_class):
    ask, ask_ko = ASKS["public"]
    assert reframe(ask, "public", role, office_class) is None
    assert reframe(ask_ko, "public", role, office_class, "ko") is None
    assert reframe_path(ask, "public", role, office_class) == Path.NONE


def test_call_on_this_offices_government_becomes_a_direct_ask():
    ask = (
        "Try harder to call on the Chinese government, using their closer-than-ever ties as "
        "leverage, to save the hapless victims of one of the world’s most repressive regimes"
    )
    ask_ko = (
        "그 어느 때보다 가까워진 한중 관계를 지렛대로 삼아, 세계에서 가장 억압적인 정권의 "
        "불운한 희생자들을 구하라고 중국 정부에 더 강력히 요구해 주십시오"
    )
    minister = (Role.FOREIGN_MINISTER, "china")
    assert reframe(ask, "south_korea_government", *minister) == (
        "Save the hapless victims of one of the world’s most repressive regimes"
    )
    assert reframe(ask_ko, "south_korea_government", *minister, "ko") == (
        "세계에서 가장 억압적인 정권의 불운한 희생자들을 구해 주십시오"
    )
    assert reframe(ask, "south_korea_government", Role.AMBASSADOR, "china") == (
        "Convey to your government that it should save the hapless victims of one of the "
        "world’s most repressive regimes"
    )
    assert reframe(ask_ko, "south_korea_government", Role.AMBASSADOR, "china", "ko") == (
        "본국 정부에 세계에서 가장 억압적인 정권의 불운한 희생자들을 구할 것을 건의해 주십시오"
    )
    # For the office it is now a direct ask, in both languages.
    assert reframe_path(ask, "south_korea_government", *minister) == Path.DIRECT
    assert reframe_path(ask_ko, "south_korea_government", *minister, "ko") == Path.DIRECT
    assert reframe_path(ask, "south_korea_government", Role.AMBASSADOR, "china") == (
        Path.OWN_GOVERNMENT
    )


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        ("Persuade Beijing to observe its obligations", "Observe your obligations"),
        ("Urge the Chinese authorities not to send them back", "Do not send them back"),
        ("Press China never to return a refugee", "Never return a refugee"),
        ("Stop China from repatriating defectors", "Stop repatriating defectors"),
        # "<this office's government> must ..." is the direct ask too.
        ("China must stop repatriating defectors", "Stop repatriating defectors"),
        ("The Chinese authorities must not punish their critics", "Do not punish your critics"),
        # A "you" in it meant the ask's own addressee, now named.
        (
            "Call on Beijing to return the defectors you sent there",
            "Return the defectors other UN member states sent there",
        ),
        ("Urge China’s leaders to free the detainees", "Free the detainees"),
        ("Press Beijing’s government to respect its commitments", "Respect your commitments"),
        (
            "Call on the Chinese authorities to respect their commitments",
            "Respect your commitments",
        ),
        (
            # "their" after "defectors" may be theirs: left alone.
            "Urge the Chinese authorities to let defectors and their families go",
            "Let defectors and their families go",
        ),
    ],
)
def test_pressing_the_offices_own_government_collapses_in_english(ask, expected):
    assert reframe(ask, "international_community", Role.FOREIGN_MINISTER, "china") == expected


@pytest.mark.parametrize(
    ("ask_ko", "expected"),
    [
        (
            "중국이 이 문제에 관한 국제 규범을 지키도록 설득해 주십시오",
            "이 문제에 관한 국제 규범을 지켜 주십시오",
        ),
        ("중국 정부에 강제 북송을 중단할 것을 촉구해 주십시오", "강제 북송을 중단해 주십시오"),
        (
            "중국 정부에 자국의 국제 의무를 지키도록 요구해 주십시오",
            "귀국의 국제 의무를 지켜 주십시오",
        ),
        ("중국이 탈북민을 송환하지 못하도록 막아 주십시오", "탈북민을 송환하지 마십시오"),
        ("탈북민을 도우라고 중국 정부에 요구해 주십시오", "탈북민을 도와 주십시오"),
        ("중국 정부에 대책을 만들 것을 요구해 주십시오", "대책을 만들어 주십시오"),
        ("호소를 들으라고 중국 당국에 촉구할 것", "호소를 들을 것"),
        # "<this office's government> must ..." is the direct ask too.
        ("중국은 탈북민 강제 북송을 중단해야 합니다", "탈북민 강제 북송을 중단해 주십시오"),
        ("중국 정부는 탈북민을 송환하지 말아야 한다", "탈북민을 송환하지 마십시오"),
        # A 귀국 in it meant the ask's own addressee, now named.
        (
            "중국 정부에 귀국이 보낸 탈북민을 돌려보낼 것을 요구해 주십시오",
            "다른 유엔 회원국들이 보낸 탈북민을 돌려보내 주십시오",
        ),
    ],
)
def test_pressing_the_offices_own_government_collapses_in_korean(ask_ko, expected):
    assert reframe(ask_ko, "international_community", Role.FOREIGN_MINISTER, "china", "ko") == (
        expected
    )


def test_the_support_behind_pressing_is_dropped_with_the_pressing():
    # "with the support of the international community" said how to persuade Beijing; told
    # to Beijing's own foreign minister it would be the support he observes norms with.
    ask = (
        "Beef up efforts to persuade Beijing to observe international norms on the issue with "
        "the support of the international community"
    )
    office = ("international_community", Role.FOREIGN_MINISTER, "china")
    assert reframe(ask, *office) == "Observe international norms on the issue"
    assert reframe(ask, "international_community", Role.AMBASSADOR, "china") == (
        "Convey to your government that it should observe international norms on the issue"
    )
    # Korean puts the support in front of the one persuaded, or between the clause and the
    # verb of pressing: it goes with the pressing there too.
    for ask_ko in (
        "국제사회의 지지를 바탕으로, 중국이 이 문제에 관한 국제 규범을 지키도록 설득해 주십시오",
        "중국이 이 문제에 관한 국제 규범을 지키도록 국제사회와 함께 설득해 주십시오",
    ):
        assert reframe(ask_ko, *office, "ko") == "이 문제에 관한 국제 규범을 지켜 주십시오"


def test_asks_against_the_offices_own_government_are_not_put_to_it():
    ask = (
        "Continue denouncing China’s inhumane treatment of North Korean defectors and other "
        "human rights violations"
    )
    ask_ko = "탈북자에 대한 중국의 비인도적 처우와 그 밖의 인권 침해를 계속 규탄해 주십시오"
    for role in Role:
        assert reframe(ask, "south_korea_government", role, "china") is None
        assert reframe(ask_ko, "south_korea_government", role, "china", "ko") is None
        assert reframe_path(ask, "south_korea_government", role, "china") == Path.NONE
    # The same ask is a fair one for the UN to press Seoul on.
    assert reframe(ask, "south_korea_government", Role.UN_AGENCY, "international_community")


@pytest.mark.parametrize(
    ("ask", "ask_ko"),
    [
        ("Make clear to Beijing that returning these people would violate the convention",
         "이들을 돌려보내는 것은 협약 위반이라는 점을 중국 정부에 분명히 밝혀 주십시오"),
        ("Raise the detainees’ fate directly with Xi Jinping when the two meet next week",
         "다음 주 시진핑 주석과 만날 때 구금된 이들의 운명을 직접 제기해 주십시오"),
        ("Warn China that the world is watching", "세계가 지켜보고 있다고 중국에 경고해 주십시오"),
            # Too tangled to become the direct ask, but still pressure on China.
        (
            "Urge Beijing, which signed the convention in 1982 and, by its own account, "
            "honours it, to keep its word",
            "1982년 협약에 가입한 중국에, 스스로 밝힌 대로, 약속을 지키라고, 계속 요구해 주십시오",
        ),
    ],
)  # fmt: skip
def test_demands_put_to_the_offices_own_government_are_not_put_to_it(ask, ask_ko):
    for role in (Role.FOREIGN_MINISTER, Role.AMBASSADOR, Role.OTHER):
        assert reframe(ask, "south_korea_government", role, "china") is None
        assert reframe(ask_ko, "south_korea_government", role, "china", "ko") is None
        assert reframe(ask, "south_korea_government", role, "north_korea")
        assert reframe(ask_ko, "south_korea_government", role, "north_korea", "ko")


def test_a_country_named_as_a_place_is_not_the_target():
    ask, ask_ko = ASKS["south_korea_government"]  # "... lives in China" / "중국에 있는 ..."
    assert reframe(ask, "south_korea_government", Role.FOREIGN_MINISTER, "china") == (
        "Press Seoul to play its part by finding ways to improve the defectors’ miserable lives "
        "in China"
    )
    assert reframe(ask_ko, "south_korea_government", Role.FOREIGN_MINISTER, "china", "ko")


# English grammar --------------------------------------------------------------------------


def to_unhcr(ask):
    return reframe(ask, "china", Role.UN_AGENCY, "international_community")


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        # A "you" that stays a pronoun makes the actor plural: they are, like you are.
        (
            "Make sure you are letting UNHCR reach them",
            "Urge the Chinese authorities to make sure they are letting UNHCR reach them",
        ),
        (
            "Show the world that you have changed course",
            "Urge the Chinese authorities to show the world that they have changed course",
        ),
        (
            "Protect those who come to you",
            "Urge the Chinese authorities to protect those who come to them",
        ),
        (
            "Explain yourselves to the UN",
            "Urge the Chinese authorities to explain themselves to the UN",
        ),
        ("Keep your word", "Urge the Chinese authorities to keep their word"),
        # "their" already in the ask: a singular name keeps the pronouns apart.
        (
            "Stop forcing their repatriation at your border",
            "Urge the Chinese government to stop forcing their repatriation at its border",
        ),
        # Negations.
        ("Do not repatriate them", "Urge the Chinese government not to repatriate them"),
        ("Don’t hand over defectors", "Urge the Chinese authorities not to hand over defectors"),
        (
            "Never again hand over people who ask for your protection",
            "Urge the Chinese authorities never again to hand over people who ask for their "
            "protection",
        ),
        (
            "No longer treat defectors as illegal migrants",
            "Urge the Chinese authorities no longer to treat defectors as illegal migrants",
        ),
        (
            "Please stop sending defectors back.",
            "Urge the Chinese authorities to stop sending defectors back",
        ),
        # Names keep their capital letter, other first words lose it.
        ("China’s courts must hear asylum claims", "China’s courts must hear asylum claims"),
        ("UNHCR access must be granted", "UNHCR access must be granted"),
        (
            "The Chinese authorities must end the raids",
            "Urge the Chinese authorities to end the raids",
        ),
        ("stop the raids", "Urge the Chinese authorities to stop the raids"),
        # A noun phrase is something to ensure.
        (
            "An end to forced returns",
            "Urge the Chinese authorities to ensure an end to forced returns",
        ),
        (
            "UNHCR access to all detainees",
            "Urge the Chinese authorities to ensure UNHCR access to all detainees",
        ),
    ],
)
def test_english_pronouns_negations_and_agreement(ask, expected):
    assert to_unhcr(ask) == expected


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        # What the ask's own addressee must do: the same as an imperative.
        (
            "China must stop repatriating defectors",
            "Urge the Chinese authorities to stop repatriating defectors",
        ),
        (
            "You must honour your obligations",
            "Urge the Chinese authorities to honour their obligations",
        ),
        ("Beijing should not ignore the UN", "Urge the Chinese authorities not to ignore the UN"),
        ("You cannot remain silent", "Urge the Chinese authorities not to remain silent"),
        # A modal in a relative clause belongs to it: still an imperative.
        (
            "Help those who must hide from the police",
            "Urge the Chinese authorities to help those who must hide from the police",
        ),
        # A claim about someone else keeps its words; a "you" in it is named.
        ("Defectors must be protected", "Defectors must be protected"),
        ("Your policy must change", "The Chinese authorities’ policy must change"),
    ],
)
def test_english_statements(ask, expected):
    assert to_unhcr(ask) == expected


def test_the_frame_does_not_repeat_the_asks_own_verb():
    ask = "Urge the Chinese authorities not to send them back"
    for variant in (0, 1):
        result = reframe(ask, "south_korea_government", Role.UN_AGENCY, "other", "en", variant)
        assert result == (
            "Call on the South Korean government, in your dialogue with it, to urge the Chinese "
            "authorities not to send them back"
        )
    ask_ko = "중국 정부에 강제 북송을 중단할 것을 촉구해 주십시오"
    result = reframe(ask_ko, "south_korea_government", Role.UN_AGENCY, "other", "ko")
    assert result.count("촉구") == 1


def test_the_frame_does_not_use_a_verb_of_pressing_the_ask_already_has():
    # "Call on Seoul, in your dialogue with it, to try harder to call on Beijing ..."
    ask = "Try harder to call on the Chinese government to save the victims"
    for variant in (0, 1):
        result = reframe(ask, "south_korea_government", Role.UN_AGENCY, "other", "en", variant)
        assert len(re.findall(r"\bcall on\b", result, re.IGNORECASE)) == 1, result
    urged = "Persuade Beijing, and urge Pyongyang, to stop the returns"
    for variant in (0, 1):
        result = reframe(urged, "south_korea_government", Role.UN_AGENCY, "other", "en", variant)
        assert len(re.findall(r"\burge\b", result, re.IGNORECASE)) == 1, result
    # "한국 정부에 중국 정부에 촉구하는 노력을 강화할 것을 촉구해 주십시오"
    ask_ko = "중국 정부에 촉구하는 노력을 강화해 주십시오"
    for variant in (0, 1):
        result = reframe(ask_ko, "south_korea_government", Role.UN_AGENCY, "other", "ko", variant)
        assert result.count("촉구") == 1, result


# Korean grammar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask_ko", "expected"),
    [
        (
            "탈북민 강제 북송을 중단해 주십시오",
            "중국 당국에 탈북민 강제 북송을 중단할 것을 촉구해 주십시오",
        ),
        (
            "탈북민의 실상을 세계에 알려 주십시오",
            "중국 당국에 탈북민의 실상을 세계에 알려 줄 것을 촉구해 주십시오",
        ),
        (
            "탈북민 강제 북송을 중단하십시오",
            "중국 당국에 탈북민 강제 북송을 중단할 것을 촉구해 주십시오",
        ),
        (
            "국경에서 붙잡힌 이들의 호소를 들으십시오",
            "중국 당국에 국경에서 붙잡힌 이들의 호소를 들을 것을 촉구해 주십시오",
        ),
        ("접근을 허용하시기 바랍니다", "중국 당국에 접근을 허용할 것을 촉구해 주시기 바랍니다"),
        (
            "탈북민을 보호해 주시기 바랍니다",
            "중국 당국에 탈북민을 보호할 것을 촉구해 주시기 바랍니다",
        ),
        ("탈북민을 도와 주세요", "중국 당국에 탈북민을 도와 줄 것을 촉구해 주세요"),
        ("국제 난민 협약을 지킬 것", "중국 당국에 국제 난민 협약을 지킬 것을 촉구할 것"),
        ("강제 북송을 즉각 중단하라", "중국 당국에 강제 북송을 즉각 중단할 것을 촉구하라"),
        ("국제 규범을 지켜라", "중국 당국에 국제 규범을 지킬 것을 촉구하라"),
        ("이들의 호소를 들어라", "중국 당국에 이들의 호소를 들을 것을 촉구하라"),
        ("난민 지위를 인정해라", "중국 당국에 난민 지위를 인정할 것을 촉구하라"),
        ("탈북민을 받으라", "중국 당국에 탈북민을 받을 것을 촉구하라"),
        ("탈북민을 송환하지 마십시오", "중국 당국에 탈북민을 송환하지 말 것을 촉구해 주십시오"),
        (
            "탈북민을 송환하지 말아 주십시오",
            "중국 당국에 탈북민을 송환하지 말 것을 촉구해 주십시오",
        ),
        ("탈북민을 송환하지 말 것", "중국 당국에 탈북민을 송환하지 말 것을 촉구할 것"),
        ("강제 북송을 중단하시오", "중국 당국에 강제 북송을 중단할 것을 촉구해 주십시오"),
        ("탈북민 강제 북송 중단", "중국 당국에 탈북민 강제 북송 중단을 촉구해 주십시오"),
        ("유엔난민기구의 접근 허용", "중국 당국에 유엔난민기구의 접근 허용을 촉구해 주십시오"),
        # What the ask's own addressee must do.
        (
            "귀국은 강제 북송을 중단해야 합니다",
            "중국 당국에 강제 북송을 중단할 것을 촉구해 주십시오",
        ),
        (
            "중국은 탈북민을 송환하지 않아야 합니다",
            "중국 당국에 탈북민을 송환하지 말 것을 촉구해 주십시오",
        ),
        # A claim keeps its words; 귀국 is named, with the particle the name takes.
        ("귀국의 정책은 바뀌어야 합니다", "중국 당국의 정책은 바뀌어야 합니다"),
        ("귀국은 협약을 지켜야 합니다", "중국 당국에 협약을 지킬 것을 촉구해 주십시오"),
        ("중국은 탈북민을 도와야 한다", "중국 당국에 탈북민을 도울 것을 촉구해 주십시오"),
        ("탈북민은 보호받아야 합니다", "탈북민은 보호받아야 합니다"),
    ],
)
def test_korean_endings_and_registers(ask_ko, expected):
    assert reframe(ask_ko, "china", Role.UN_AGENCY, "international_community", "ko") == expected


def test_korean_names_take_their_particles():
    ask = "탈북민 강제 북송을 중단해 주십시오"
    assert reframe(ask, "china", Role.UN_AGENCY, "other", "ko", 1).startswith("중국 당국과의 대화")
    assert reframe(ask, "china", Role.MINISTER, "other", "ko", 1).startswith("중국 정부와의 협의")
    assert reframe(ask, "other", Role.MINISTER, "china", "ko", 1).startswith("관련 당사자들과의")
    assert reframe(ask, "other", Role.UN_AGENCY, "china", "ko").startswith("관련 당사자들에게")


def test_korean_return_home_is_not_your_country():
    # 귀국하다 is "to return home", not 貴國.
    ask = "탈북민이 원하는 나라로 귀국할 수 있게 해 주십시오"
    assert "귀국할" in reframe(ask, "china", Role.UN_AGENCY, "international_community", "ko")


# Ask shapes ------------------------------------------------------------------------------

english_asks = st.builds(
    lambda lead, verb, thing, tail: f"{lead}{verb} {thing}{tail}",
    st.sampled_from(["", "Do not ", "Never ", "Please ", "Don’t "]),
    st.sampled_from(["stop", "end", "allow", "protect", "release", "respect", "honour"]),
    st.sampled_from([
        "your policy of forced returns", "the defectors in your custody",
        "your obligations under the Refugee Convention", "people who ask you for help",
        "refugees, whatever your border guards say", "the rights of defectors and their families",
    ]),
    st.sampled_from([
        "", " and tell the world what you have done", " so that you are seen to keep your word",
        " before you send anyone back", " yourselves", ".",
    ]),
)  # fmt: skip
offices = st.tuples(
    st.sampled_from([actor for actor in ACTORS if actor != "public"]),
    st.sampled_from(list(Role)),
    st.sampled_from(OFFICE_CLASSES),
    st.integers(0, 5),
)


@given(english_asks, offices)
def test_any_english_ask_shape_reaches_any_office_in_the_third_person(ask, office):
    point_addressee, role, office_class, variant = office
    result = reframe(ask, point_addressee, role, office_class, "en", variant)
    route = path(point_addressee, role, office_class)
    if route == Path.DIRECT:
        assert result == ask.rstrip(".")
    else:
        assert_reframed_english(ask.rstrip("."), result, point_addressee, role, route)
        assert "  " not in result and result[0].isupper()


korean_verbs = st.sampled_from(["중단하", "허용하", "지키", "받", "듣", "돕", "만들", "알리"])
korean_bodies = st.sampled_from(["탈북민을", "귀국의 정책을", "국제 규범을", "이들의 호소를"])
korean_endings = st.sampled_from(
    [
        (lambda stem: hangul.connective(stem) + " 주십시오", "주십시오"),
        (lambda stem: hangul.honorific_base(stem) + "십시오", "주십시오"),
        (lambda stem: hangul.honorific_base(stem) + "시오", "주십시오"),
        (lambda stem: hangul.connective(stem) + " 주시기 바랍니다", "주시기 바랍니다"),
        (lambda stem: hangul.honorific_base(stem) + "시기 바랍니다", "주시기 바랍니다"),
        (lambda stem: hangul.connective(stem) + " 주세요", "주세요"),
        (lambda stem: stem + "지 마십시오", "주십시오"),
        (lambda stem: stem + "지 말아 주십시오", "주십시오"),
        (lambda stem: hangul.adnominal(stem) + " 것", " 것"),
        (lambda stem: hangul.linked(stem) + "라", "라"),
        (lambda stem: hangul.connective(stem) + "라", "라"),
    ]
)


@given(korean_bodies, korean_verbs, korean_endings, offices)
def test_any_korean_ask_shape_reaches_any_office_in_its_register(body, stem, ending, office):
    form, register = ending
    ask = f"{body} {form(stem)}"
    point_addressee, role, office_class, variant = office
    result = reframe(ask, point_addressee, role, office_class, "ko", variant)
    route = path(point_addressee, role, office_class)
    if route == Path.DIRECT:
        assert result == ask
        return
    assert result.endswith(register)
    assert not KO_SECOND_PERSON.search(result)
    assert body.replace("귀국", "자국") in result
    # The ask's verb is still there, in its form before 것을.
    assert any(
        f"{verb} 것을" in result
        for verb in (hangul.adnominal(stem), hangul.connective(stem) + " 줄", stem + "지 말")
    ), result


@given(
    st.sampled_from(["탈북민을", "자국의 정책을", "국제 규범을", "이들의 호소를"]),
    korean_verbs,
    st.sampled_from(list(Role)),
)
def test_any_korean_call_on_this_government_collapses_to_the_direct_ask(body, stem, role):
    ask = f"중국 정부에 {body} {hangul.adnominal(stem)} 것을 촉구해 주십시오"
    result = reframe(ask, "south_korea_government", role, "china", "ko")
    inner = f"{body} {hangul.adnominal(stem)} 것을"
    if role == Role.AMBASSADOR:
        assert result == f"본국 정부에 {inner} 건의해 주십시오"
    elif role == Role.LEGISLATURE:
        # A parliament does not govern: it calls on its government to do it.
        assert result in (
            f"정부에 {inner} 촉구해 주십시오",
            f"청문회와 결의안으로 정부에 {inner} 요구해 주십시오",
        )
    else:
        assert result == f"{body.replace('자국', '귀국')} {hangul.connective(stem)} 주십시오"


# The demo's own asks and offices -------------------------------------------------------------


def demo_points():
    """(addressee, English ask, Korean ask) for every call the shipped editorials yield."""
    seen, points = set(), []
    for text_file in sorted(pathlib.Path(EDITORIALS_DIR).glob("*.txt")):
        for call in extract_calls(text_file.read_text()):
            if call.ask not in seen:
                seen.add(call.ask)
                ko = ASKS_IN_KOREAN.get(normalise_ask(call.ask), "")
                points.append((call.addressee, call.ask, ko))
    return points


DEMO_POINTS = demo_points()
DEMO_OFFICES = [
    (office["title"], guess_role(office["title"], office["organisation"]), office["category"])
    for office in DEMO_OFFICIALS
]


def test_the_demo_has_points_for_every_office_kind():
    assert len(DEMO_POINTS) >= 10
    assert {addressee for addressee, _, _ in DEMO_POINTS} >= {
        "china", "south_korea_government", "public"
    }  # fmt: skip
    assert sum(bool(ko) for _, _, ko in DEMO_POINTS) >= 10


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize(("title", "role", "office_class"), DEMO_OFFICES)
def test_every_demo_ask_to_every_demo_office(title, role, office_class, variant):
    for addressee, ask, ask_ko in DEMO_POINTS:
        english = reframe(ask, addressee, role, office_class, "en", variant)
        route = path(addressee, role, office_class)
        collapsed = collapse(ask, office_class) if route == Path.THROUGH else None
        if route == Path.DIRECT:
            assert english == ask
        elif english is None:
            assert reframe_path(ask, addressee, role, office_class) == Path.NONE
        elif collapsed is not None:
            # The office's own government was the one to be pressed: now asked directly.
            assert in_order(content_words(collapsed.body), words(english)), english
            assert not re.search(r"\b(?:call on|persuade) (?:Beijing|the Chinese)", english)
        elif route != Path.NONE:
            assert_reframed_english(ask, english, addressee, role, route)
        if not ask_ko:
            continue
        korean = reframe(ask_ko, addressee, role, office_class, "ko", variant)
        # Both languages agree on whether the ask is for this office at all.
        assert (english is None) == (korean is None), (ask, ask_ko)
        if korean is not None and route != Path.DIRECT:
            assert not KO_SECOND_PERSON.search(korean.replace("귀국의 국제", "")), korean
            assert korean.endswith(("주십시오", "마십시오"))


def test_demo_points_against_china_are_not_put_to_chinese_offices():
    chinese = [(role, office_class) for _, role, office_class in DEMO_OFFICES
               if office_class == "china"]  # fmt: skip
    assert chinese
    for role, office_class in chinese:
        for addressee, ask, ask_ko in DEMO_POINTS:
            result = reframe(ask, addressee, role, office_class)
            if result is None or addressee == "china":
                continue
            # Nothing left that asks others to press or denounce China itself.
            assert not re.search(r"\b(?:denounc|condemn|persuade Beijing|call on the Chinese)",
                                 result), result  # fmt: skip
            assert not re.search(
                KO_ACTORS["china"] + r".{0,40}(?:규탄|비판)",
                reframe(ask_ko, addressee, role, office_class, "ko") or "",
            )


def test_state_roles_are_the_ones_that_speak_for_a_state():
    assert Role.AMBASSADOR in STATE_ROLES and Role.UN_AGENCY not in STATE_ROLES


anything = st.one_of(
    st.text(max_size=120),
    st.lists(
        st.sampled_from(
            ["you", "your", "You", "yours", "yourself", "you’re", "Do not", "never", "China",
             "Beijing", "the Chinese government", "must", "to", "urge", "call on", "press", ",",
             ".", "’", "stop", "their", "its", "them", "that", "in China", "please", "Make sure",
             "귀국", "중국 정부에", "라고", "도록", "것을", "주십시오", "마십시오", "할 것", "지"]
        ),
        max_size=20,
    ).map(" ".join),
)  # fmt: skip


@given(anything, offices, st.sampled_from(["en", "ko"]))
def test_any_text_gives_an_ask_or_none_and_no_borrowed_second_person(ask, office, language):
    point_addressee, role, office_class, variant = office
    result = reframe(ask, point_addressee, role, office_class, language, variant)
    assert result is None or isinstance(result, str)
    framed = result and result.split(" ", 1)[0] in FRAME_VERBS
    if language == "en" and framed and path(point_addressee, role, office_class) != Path.DIRECT:
        assert not SECOND_PERSON.search(OFFICE_OWN.sub("", result)), result


def test_a_parliament_is_asked_to_call_on_its_government_not_to_govern():
    ask = "Come up with effective measures to deal with the situation"
    ask_ko = "이 사태에 대처할 실효성 있는 대책을 마련해 주십시오"
    seoul = "south_korea_government"
    assert reframe(ask, seoul, Role.LEGISLATURE, seoul, "en") == (
        "Call on the Government to come up with effective measures to deal with the situation"
    )
    assert reframe(ask_ko, seoul, Role.LEGISLATURE, seoul, "ko") == (
        "정부에 이 사태에 대처할 실효성 있는 대책을 마련할 것을 촉구해 주십시오"
    )
    # The ministry that governs gets the ask as it is.
    assert reframe(ask, seoul, Role.MINISTER, seoul, "en") == ask
