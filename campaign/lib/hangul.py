"""Korean particles and verb forms, from the shape of Hangul syllables. Pure functions.

A Hangul syllable is one code point built from an initial consonant, a vowel and an
optional final consonant (받침): ``0xAC00 + (initial * 21 + vowel) * 28 + final``.
Much of Korean grammar turns on that final consonant:

* particles come in pairs chosen by it: 정책을 but 북송를 is wrong (북송을), 정부가 but
  당국이, 정부와 but 당국과; 으로/로 treats a final ㄹ like a vowel (서울로);
* verb endings attach to a stem in three ways: after a vowel (지키 + ㄹ → 지킬),
  after ㄹ (만들 → 만들, 만드시), after another consonant with a linking 으
  (받 → 받을, 받으십시오);
* the 아/어 form (before 주십시오, 야, 서) follows vowel harmony: a stem whose last
  vowel is ㅏ or ㅗ takes 아 (막아, 봐), others 어 (먹어, 지켜), 하 becomes 해.

A few verbs change their stem before a vowel (the "irregular" verbs of school grammar:
듣 → 들어, 돕 → 도와, 짓 → 지어, 모르 → 몰라). Which verbs they are cannot be seen
from the spelling (받 → 받아 is regular, 듣 → 들어 is not), so they are listed.
"""

import re

_FIRST, _LAST = 0xAC00, 0xD7A3
_VOWELS, _FINALS = 21, 28

# Vowel indices (medials) in Unicode order, the ones the rules below need.
V_A, V_YA, V_EO, V_YEO, V_O, V_WA, V_WAE, V_OE, V_U, V_WO, V_WI, V_EU, V_UI, V_I = (
    0, 2, 4, 6, 8, 9, 10, 11, 13, 14, 16, 18, 19, 20
)  # fmt: skip
# Final consonant indices used here.
NONE, GIYEOK, NIEUN, DIGEUT, RIEUL, BIEUP, SIOS = 0, 1, 4, 7, 8, 17, 19

# Stems whose final consonant changes before a vowel. ㄷ becomes ㄹ (듣 → 들어);
# ㅂ becomes 우 (눕 → 누워), or 오 in 돕 and 곱 (도와); ㅅ drops (짓 → 지어).
# Other stems with the same final are regular (받아, 잡아, 씻어).
IRREGULAR_DIGEUT = frozenset({"듣", "걷", "묻", "싣", "깨닫", "일컫"})
IRREGULAR_BIEUP = frozenset({"돕", "곱", "눕", "굽", "줍", "깁"})
IRREGULAR_SIOS = frozenset({"짓", "낫", "잇", "긋", "붓", "젓"})
# 르 stems double their ㄹ (모르 → 몰라) except these, which drop ㅡ like 쓰 → 써.
REGULAR_REU = frozenset({"따르", "치르", "들르", "우러르"})


def is_syllable(char):
    return len(char) == 1 and _FIRST <= ord(char) <= _LAST


def parts(char):
    """(initial, vowel, final) indices of a Hangul syllable."""
    code = ord(char) - _FIRST
    return code // (_VOWELS * _FINALS), code // _FINALS % _VOWELS, code % _FINALS


def syllable(initial, vowel, final=NONE):
    return chr(_FIRST + (initial * _VOWELS + vowel) * _FINALS + final)


def final(char):
    """The final consonant index of a syllable (0 for none)."""
    return parts(char)[2]


def with_final(char, final_index):
    initial, vowel, _ = parts(char)
    return syllable(initial, vowel, final_index)


# Which language a text is in ---------------------------------------------------------


def script_language(text, default):
    """"ko" or "en" for text whose language nobody recorded (a signer's comment), by script.

    Korean is written in Hangul, with at most a few Latin acronyms (UN, UNHCR); English is
    written in Latin letters only. So the script that carries most of the letters tells the
    site's two languages apart: "탈북민을 도와 주세요" is Korean, "Let them pass" English,
    "UN이 나서야 합니다" Korean. Text with no letters of either ("!!!", "2024") keeps `default`.
    """
    hangul = sum(1 for char in text if is_syllable(char) or 0x3131 <= ord(char) <= 0x318E)
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    if not hangul and not latin:
        return default
    return "ko" if hangul >= latin / 3 else "en"


# Particles ----------------------------------------------------------------------

# What a Latin letter or digit sounds like at the end of a word, for 'UN을', '2를'.
_LATIN_FINALS = {"l": RIEUL, "m": 16, "n": NIEUN, "r": RIEUL}
_DIGIT_FINALS = {"0": 21, "1": RIEUL, "3": 16, "6": GIYEOK, "7": RIEUL, "8": RIEUL}
_TRAILING = "”’」』)]\"' "


def last_final(word):
    """The final consonant of the word's last sound, or None when it cannot be told."""
    stripped = word.rstrip(_TRAILING)
    if not stripped:
        return None
    last = stripped[-1]
    if is_syllable(last):
        return final(last)
    if last.isdigit():
        return _DIGIT_FINALS.get(last, NONE)
    if last.isascii() and last.isalpha():
        return _LATIN_FINALS.get(last.lower(), NONE)
    return None


def particle(word, pair):
    """The word with the particle of `pair` ("을/를", "이/가", "은/는", "과/와", "으로/로")
    that its last sound takes: the first form after a final consonant."""
    after_consonant, after_vowel = pair.split("/")
    sound = last_final(word)
    if sound is None:
        return f"{word}{after_consonant}({after_vowel})"
    if after_consonant == "으로" and sound == RIEUL:
        return word + after_vowel  # 서울로: ㄹ takes 로 like a vowel
    return word + (after_consonant if sound else after_vowel)


# Verb forms ---------------------------------------------------------------------
# Each function takes text that ends in a verb stem ("정책을 중단하") and returns it
# with the ending attached ("정책을 중단할"). Only the last word is changed.


def _split_last(text):
    head, _, word = text.rpartition(" ")
    return (head + " " if head else ""), word


def _irregular(word, stems):
    return any(word.endswith(stem) for stem in stems)


def _bright(char):
    """A last vowel ㅏ, ㅑ or ㅗ takes 아; every other takes 어 (vowel harmony)."""
    return parts(char)[1] in (V_A, V_YA, V_O)


def linked(text):
    """The stem as the honorific 시 and the plain imperative 라 take it, with a linking 으
    after a consonant: 받 → 받으, 듣 → 들으, 돕 → 도우, 짓 → 지으; 하 → 하; 만들 → 만들."""
    head, word = _split_last(text)
    last = word[-1]
    if not final(last) or final(last) == RIEUL:
        return text
    if _irregular(word, IRREGULAR_DIGEUT):
        return head + word[:-1] + with_final(last, RIEUL) + "으"
    if _irregular(word, IRREGULAR_BIEUP):
        return head + word[:-1] + with_final(last, NONE) + "우"
    if _irregular(word, IRREGULAR_SIOS):
        return head + word[:-1] + with_final(last, NONE) + "으"
    return text + "으"


def adnominal(text):
    """The future adnominal form used before 것: the linked stem with a final ㄹ
    (중단하 → 중단할, 받 → 받으 → 받을, 돕 → 도우 → 도울, 만들 → 만들)."""
    base = linked(text)
    if final(base[-1]):
        return base  # a ㄹ stem already ends in ㄹ
    return base[:-1] + with_final(base[-1], RIEUL)


def honorific_base(text):
    """What 십시오 and 시기 attach to: the linked stem, with a final ㄹ dropped (만드시)."""
    base = linked(text)
    last = base[-1]
    if final(last) == RIEUL:
        return base[:-1] + with_final(last, NONE)
    return base


# Stems written with 으 before an ending could come from a ㅂ or ㅅ verb or be the stem
# itself (세우 is a stem, 도우 is 돕); these are the ones that come from ㅂ and ㅅ.
_LINKED_IRREGULAR = {
    **{stem[:-1] + with_final(stem[-1], NONE) + "우": stem for stem in IRREGULAR_BIEUP},
    **{stem[:-1] + with_final(stem[-1], NONE) + "으": stem for stem in IRREGULAR_SIOS},
}


def unlinked(text):
    """The stem again from its linked form (받으 → 받, 들으 → 듣, 도우 → 돕, 지키 → 지키)."""
    head, word = _split_last(text)
    for linked_form, stem in _LINKED_IRREGULAR.items():
        if word.endswith(linked_form):
            return head + word[: -len(linked_form)] + stem
    if len(word) > 1 and word[-1] == "으" and final(word[-2]):
        before = word[-2]
        if final(before) == RIEUL:  # only a ㄷ stem is written ㄹ + 으 (들으, 물으)
            return head + word[:-2] + with_final(before, DIGEUT)
        return head + word[:-1]
    return text


# Stems that end in ㄹ, which their adnominal keeps as it is (만들 것). Any other
# adnominal in ㄹ is a vowel stem with ㄹ added (중단할 → 중단하, 지킬 → 지키); the two
# cannot be told apart by spelling (갈 is 가다 or 갈다), and asks rarely use these.
RIEUL_STEMS = frozenset({"만들", "알", "열", "늘", "걸", "밀", "빌", "놀", "풀", "이끌", "물"})


def from_adnominal(text):
    """The stem again from its adnominal: 중단할 → 중단하, 받을 → 받, 도울 → 돕, 들을 → 듣,
    만들 → 만들."""
    head, word = _split_last(text)
    if any(word.endswith(stem) for stem in RIEUL_STEMS) and not word.endswith(("을", "울")):
        return text
    return unlinked(head + word[:-1] + with_final(word[-1], NONE))


def connective(text):
    """The 아/어 form: 중단하 → 중단해, 지키 → 지켜, 멈추 → 멈춰, 받 → 받아, 듣 → 들어,
    돕 → 도와, 짓 → 지어, 쓰 → 써, 모르 → 몰라, 보내 → 보내."""
    head, word = _split_last(text)
    last = word[-1]
    initial, vowel, last_final_index = parts(last)
    before = word[:-1]
    if last_final_index:
        if _irregular(word, IRREGULAR_DIGEUT):
            return head + before + with_final(last, RIEUL) + ("아" if _bright(last) else "어")
        if _irregular(word, IRREGULAR_BIEUP):
            ending = "와" if word.endswith(("돕", "곱")) else "워"
            return head + before + with_final(last, NONE) + ending
        if _irregular(word, IRREGULAR_SIOS):
            return head + before + with_final(last, NONE) + ("아" if _bright(last) else "어")
        return head + word + ("아" if _bright(last) else "어")
    if last == "하":
        return head + before + "해"
    if vowel == V_EU:
        if last == "르" and before and not _irregular(word, REGULAR_REU):
            # 모르 → 몰라: the syllable before takes ㄹ, 르 becomes 라/러.
            previous = before[-1]
            return (
                head
                + before[:-1]
                + with_final(previous, RIEUL)
                + ("라" if _bright(previous) else "러")
            )
        harmony = V_A if before and _bright(before[-1]) else V_EO
        return head + before + syllable(initial, harmony)
    contracted = {V_O: V_WA, V_U: V_WO, V_I: V_YEO, V_OE: V_WAE}.get(vowel)
    if contracted is not None:
        return head + before + syllable(initial, contracted)
    if vowel in (V_WI, V_UI):
        return head + word + "어"
    return text  # 가, 서, 보내, 켜: the vowel already is the ending


_SPACES = re.compile(r"\s+")


def squeeze(text):
    return _SPACES.sub(" ", text).strip()


# The 아/어 forms of the listed stems, whose spelling hides the stem (들어 ← 듣, 도와 ← 돕).
_FROM_CONNECTIVE = {
    connective(stem): stem
    for stem in IRREGULAR_DIGEUT | IRREGULAR_BIEUP | IRREGULAR_SIOS | REGULAR_REU
}
# Contracted vowels of the 아/어 form and the stem vowels they come from.
_UNCONTRACTED = {V_WA: V_O, V_WO: V_U, V_YEO: V_I, V_WAE: V_OE}


def unconnective(text):
    """The stem again from its 아/어 form: 중단해 → 중단하, 지켜 → 지키, 받아 → 받, 멈춰 →
    멈추, 도와 → 돕, 몰라 → 모르, 보내 → 보내. A form that is not one is left as it is."""
    head, word = _split_last(text)
    if word in _FROM_CONNECTIVE:  # the whole word: 만들어 is 만들, not 만 + 듣
        return head + _FROM_CONNECTIVE[word]
    last = word[-1]
    before = word[:-1]
    if last == "해":
        return head + before + "하"
    if last in ("아", "어") and before and final(before[-1]):
        return head + before
    if last == "어" and before:
        return head + before  # written uncontracted: 되어, 쉬어, 주어
    if last in ("라", "러") and before and final(before[-1]) == RIEUL:
        return head + before[:-1] + with_final(before[-1], NONE) + "르"  # 몰라 → 모르
    initial, vowel, last_final_index = parts(last)
    if not last_final_index and vowel in _UNCONTRACTED:
        return head + before + syllable(initial, _UNCONTRACTED[vowel])
    if not last_final_index and vowel == V_EO and initial in _TENSE_INITIALS:
        return head + before + syllable(initial, V_EU)  # 써 → 쓰, 꺼 → 끄, 떠 → 뜨, 커 → 크
    return text


# ㄲ, ㄸ, ㅆ, ㅋ: a stem syllable of these with ㅓ and nothing after is rare, while 쓰,
# 끄, 뜨 and 크 are common and drop their ㅡ before 어.
_TENSE_INITIALS = frozenset({1, 4, 10, 15})
