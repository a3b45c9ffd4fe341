"""Korean particles and verb forms follow the final consonant of the word before them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign.lib import hangul


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("정책", "을/를", "정책을"),
        ("북송 중단", "을/를", "북송 중단을"),
        ("중국 정부", "을/를", "중국 정부를"),
        ("중국 당국", "이/가", "중국 당국이"),
        ("한국 정부", "이/가", "한국 정부가"),
        ("북한 당국", "과/와", "북한 당국과"),
        ("중국 정부", "과/와", "중국 정부와"),
        ("귀국", "은/는", "귀국은"),
        ("서울", "으로/로", "서울로"),  # ㄹ takes 로 like a vowel
        ("부산", "으로/로", "부산으로"),
        ("평양", "으로/로", "평양으로"),
        ("UN", "을/를", "UN을"),  # 유엔: ends in ㄴ
        ("EU", "을/를", "EU를"),
        ("「한 사설」", "을/를", "「한 사설」을"),  # the closing bracket is not read
        ("3", "이/가", "3이"),  # 삼
        ("2", "이/가", "2가"),  # 이
        ("…", "을/를", "…을(를)"),  # nothing to go by: both forms
    ],
)
def test_particle_follows_the_last_sound(word, pair, expected):
    assert hangul.particle(word, pair) == expected


# stem, 아/어 form, adnominal before 것, base of 십시오, base of 라
VERBS = [
    ("중단하", "중단해", "중단할", "중단하", "중단하"),
    ("지키", "지켜", "지킬", "지키", "지키"),
    ("멈추", "멈춰", "멈출", "멈추", "멈추"),
    ("알리", "알려", "알릴", "알리", "알리"),
    ("세우", "세워", "세울", "세우", "세우"),
    ("받", "받아", "받을", "받으", "받으"),
    ("막", "막아", "막을", "막으", "막으"),
    ("먹", "먹어", "먹을", "먹으", "먹으"),
    ("씻", "씻어", "씻을", "씻으", "씻으"),  # ㅅ, but regular
    ("잡", "잡아", "잡을", "잡으", "잡으"),  # ㅂ, but regular
    ("보", "봐", "볼", "보", "보"),
    ("오", "와", "올", "오", "오"),
    ("되", "돼", "될", "되", "되"),
    ("가", "가", "갈", "가", "가"),
    ("서", "서", "설", "서", "서"),
    ("보내", "보내", "보낼", "보내", "보내"),
    ("쉬", "쉬어", "쉴", "쉬", "쉬"),
    ("쓰", "써", "쓸", "쓰", "쓰"),
    ("모으", "모아", "모을", "모으", "모으"),
    ("모르", "몰라", "모를", "모르", "모르"),
    ("부르", "불러", "부를", "부르", "부르"),
    ("따르", "따라", "따를", "따르", "따르"),  # 르 that only drops ㅡ
    ("듣", "들어", "들을", "들으", "들으"),
    ("묻", "물어", "물을", "물으", "물으"),
    ("깨닫", "깨달아", "깨달을", "깨달으", "깨달으"),
    ("돕", "도와", "도울", "도우", "도우"),
    ("눕", "누워", "누울", "누우", "누우"),
    ("짓", "지어", "지을", "지으", "지으"),
    ("낫", "나아", "나을", "나으", "나으"),
    ("만들", "만들어", "만들", "만드", "만들"),  # ㄹ drops before 시, stays before 라
]


@pytest.mark.parametrize(("stem", "connective", "adnominal", "honorific", "linked"), VERBS)
def test_verb_forms(stem, connective, adnominal, honorific, linked):
    assert hangul.connective(stem) == connective
    assert hangul.adnominal(stem) == adnominal
    assert hangul.honorific_base(stem) == honorific
    assert hangul.linked(stem) == linked


@pytest.mark.parametrize("stem", [verb[0] for verb in VERBS])
def test_the_stem_is_found_again_from_its_linked_form(stem):
    assert hangul.unlinked(hangul.linked(stem)) == stem


def test_only_the_last_word_changes():
    assert hangul.adnominal("탈북민 강제 북송을 중단하") == "탈북민 강제 북송을 중단할"
    assert hangul.connective("이 문제에 관한 국제 규범을 지키") == "이 문제에 관한 국제 규범을 지켜"
    assert hangul.honorific_base("호소를 듣") + "십시오" == "호소를 들으십시오"


syllables = st.integers(0xAC00, 0xD7A3).map(chr)
stems = st.lists(syllables, min_size=1, max_size=4).map("".join)


@given(stems, st.sampled_from(["", "탈북민을 ", "국제 규범을 "]))
def test_forms_of_any_syllables_keep_what_comes_before(stem, head):
    text = head + stem
    for form in (hangul.connective, hangul.adnominal, hangul.linked, hangul.honorific_base):
        # At most the last two syllables change (모르 → 몰라).
        assert form(text).startswith(head + stem[:-2])
    # The adnominal always ends in ㄹ (할, 받을, 도울), which 것 needs after it.
    assert hangul.final(hangul.adnominal(text)[-1]) == hangul.RIEUL


@given(syllables)
def test_syllables_come_apart_and_together_again(char):
    assert hangul.syllable(*hangul.parts(char)) == char


@pytest.mark.parametrize("stem", [verb[0] for verb in VERBS if verb[0] not in ("쉬",)])
def test_the_stem_is_found_again_from_its_adnominal(stem):
    assert hangul.from_adnominal("대책을 " + hangul.adnominal(stem)) == "대책을 " + stem


@pytest.mark.parametrize("stem", [verb[0] for verb in VERBS if verb[0] not in ("모으",)])
def test_the_stem_is_found_again_from_its_connective(stem):
    assert hangul.unconnective("규범을 " + hangul.connective(stem)) == "규범을 " + stem


def test_a_connective_that_could_be_a_stem_is_left_alone():
    # 모아 could be 모으 + 아 or the stem 모아; 가, 서, 보내 are their own 아/어 forms.
    assert hangul.unconnective("모아") == "모아"
    assert [hangul.unconnective(form) for form in ("가", "서", "보내")] == ["가", "서", "보내"]
