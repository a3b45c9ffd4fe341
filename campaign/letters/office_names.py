"""The names an office goes by, and an ask that names it turned to speak to it. Pure.

An ask is written for one addressee and may name another office: "let the UN refugee
agency reach them" is addressed to Beijing. Reframed for UNHCR, it would speak of its
own reader in the third person ("Urge the Chinese authorities to let the UN refugee
agency reach them"). A letter speaks to its reader, so each mention of the office
becomes "you" or "your" ("... to let you reach them"), and a verb after it agrees
("the agency has access" → "you have access"). In Korean it becomes the honorific
second person, 귀 기구, 귀 위원회, 귀 부처 or 귀 대사관 for a body and 귀하 for a person,
with the particle that fits ("유엔난민기구가" → "귀 기구가").

An office is known by its title, its organisation (also without "Office of the" or,
in Korean, the country in front; not when that is a council or parliament the office
sits in), the short name in brackets after either, the name of the person who holds
it, and for a few well-known bodies the names the press uses (`KNOWN_BODIES`). A name
marked as someone else's ("China's Minister of Foreign Affairs", "the Special
Rapporteur on torture", "중국 외교부") is not this office.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from campaign.lib import hangul

__all__ = ["KNOWN_BODIES", "address_office", "office_names", "supports_itself"]


@dataclass(frozen=True)
class Body:
    """A well-known body: found by `pattern` in an office's title or organisation (in
    either language), and its other names in English and Korean."""

    pattern: str
    english: tuple[str, ...]
    korean: tuple[str, ...]


# "UN" in an English name also matches "U.N." and "United Nations"; a leading "the" is
# optional; spaces in a Korean name are optional.
KNOWN_BODIES = (
    Body(
        r"\bUNHCR\b|high\s+commissioner\s+for\s+refugees|난민\s*(?:기구|고등\s*판무관|최고\s*대표)",
        ("UNHCR", "the UN refugee agency", "the UN’s refugee agency",
         "the UN High Commissioner for Refugees",
         "the Office of the UN High Commissioner for Refugees"),
        ("유엔 난민기구", "국제연합 난민기구", "유엔 난민고등판무관실", "유엔 난민고등판무관",
         "유엔 난민최고대표", "UNHCR"),
    ),
    Body(
        r"\bOHCHR\b|high\s+commissioner\s+for\s+human\s+rights|인권\s*최고\s*대표",
        ("OHCHR", "the UN human rights office", "the UN’s human rights office",
         "the UN human rights chief", "the UN High Commissioner for Human Rights",
         "the Office of the UN High Commissioner for Human Rights"),
        ("유엔 인권최고대표사무소", "유엔 인권사무소", "유엔 인권최고대표", "OHCHR"),
    ),
    Body(
        r"special\s+rapporteur\b.*\b(?:DPRK|North\s+Korea|Democratic\s+People)"
        r"|북한\s*인권\s*특별\s*보고관",
        ("the UN Special Rapporteur on the situation of human rights in the DPRK",
         "the UN Special Rapporteur on human rights in North Korea",
         "the UN Special Rapporteur on North Korean human rights",
         "the UN Special Rapporteur on North Korea", "the UN Special Rapporteur on the DPRK",
         "the UN Special Rapporteur", "the Special Rapporteur"),
        ("유엔 북한인권 특별보고관", "북한인권 특별보고관", "유엔 특별보고관"),
    ),
    Body(
        r"minist(?:ry|er)\s+of\s+unification|unification\s+minist|통일부",
        ("the Ministry of Unification", "the Unification Ministry", "the Minister of Unification",
         "the Unification Minister"),
        ("통일부 장관", "통일부"),
    ),
    Body(
        r"foreign\s+affairs\s+and\s+unification\s+committee|외교\s*통일\s*위원회",
        ("the National Assembly’s Foreign Affairs and Unification Committee",
         "the Foreign Affairs and Unification Committee"),
        ("국회 외교통일위원회", "외교통일위원회", "외통위"),
    ),
)  # fmt: skip
_KNOWN_RES = [(re.compile(body.pattern, re.IGNORECASE), body) for body in KNOWN_BODIES]


@dataclass(frozen=True)
class Name:
    text: str
    person: bool = False  # a person (the holder, or a title in Korean), not a body


_SHORT = re.compile(r"\s*\(\s*([A-Z][A-Za-z.]{1,11})\s*\)\s*$")
_OFFICE_OF = re.compile(r"^(?:the\s+)?office\s+of\s+(?:the\s+)?", re.IGNORECASE)
_KO_COUNTRY = r"(?:대한민국|한국|중화인민공화국|중국|조선민주주의인민공화국|북한|주한|주중)"
_KO_COUNTRY_FIRST = re.compile(rf"^{_KO_COUNTRY}\s+")
# Korean titles of people, as opposed to bodies (장관 / 통일부).
_KO_PERSON = re.compile(
    r"(?:장관|부장|대표|보고관|대사|영사|위원장|의장|대통령|총리|총장|판무관|전문가|의원|주석)$"
)


# An organisation that is a larger body the office sits in (a rapporteur's council, a
# committee's parliament), not the office itself.
_CONTAINING = re.compile(
    r"\b(?:council|assembly|parliament|congress|senate|house\s+of)\b|국회|의회|이사회|총회",
    re.IGNORECASE,
)


def _variants(text, korean):
    """A name, and the same without its bracketed short name, plus that short name,
    and without "Office of the" (English) or the country in front (Korean)."""
    text = " ".join((text or "").split())
    if not text:
        return []
    found = [text]
    short = _SHORT.search(text)
    if short:
        found += [text[: short.start()], short.group(1)]
    for name in list(found):
        trimmed = (_KO_COUNTRY_FIRST if korean else _OFFICE_OF).sub("", name)
        if trimmed != name:
            found.append(trimmed)
    return found


def office_names(title, organisation="", person="", language="en", elsewhere=()):
    """The Names an office goes by in `language`, longest first. `title` and
    `organisation` in that language (an English or Korean pair); `person`, the name of
    whoever holds the office; `elsewhere`, its names in the other language, which
    recognise a well-known body as well."""
    korean = language == "ko"
    names = [Name(text, person=korean and bool(_KO_PERSON.search(text)))
             for text in _variants(title, korean)]  # fmt: skip
    if not _CONTAINING.search(organisation or ""):
        names += [Name(text) for text in _variants(organisation, korean)]
    if person and person.strip():
        names.append(Name(" ".join(person.split()), person=True))
    for pattern, body in _KNOWN_RES:
        if any(pattern.search(text or "") for text in (title, organisation, *elsewhere)):
            for text in body.korean if korean else body.english:
                names.append(Name(text, person=korean and bool(_KO_PERSON.search(text))))
    unique = {}
    for name in names:
        key = re.sub(r"^the\s+", "", name.text, flags=re.IGNORECASE).casefold()
        if len(key) >= 2:
            unique.setdefault(key, name)
    return tuple(sorted(unique.values(), key=lambda name: len(name.text), reverse=True))


def address_office(text, names, language="en"):
    """`text` with every mention of the office by one of its `names` turned into the
    second person: "you"/"your" in English, 귀 기구 / 귀하 (and so on) in Korean."""
    if not text or not names:
        return text
    if language == "ko":
        return _address_korean(text, names)
    return _address_english(text, names)


# An ask that, once it speaks to the office, asks it to support itself ("Fund you",
# "귀 기구의 활동을 지원해 주십시오"): for others to do, nothing the office can.
_SUPPORTING_YOU = re.compile(
    r"^(?:please\s+)?(?:support|fund|finance|back|help|assist|strengthen|cooperate\s+with"
    r"|work\s+with|contribute\s+to|give\s+more\s+to|increase\s+(?:\w+\s+){0,2}(?:for|to))"
    r"\s+(?:you|your)\b",
    re.IGNORECASE,
)
_KO_YOU_FIRST = re.compile(r"^(?:귀\s*(?:기구|위원회|부처|대사관|사무소|정부|의회|기관)|귀하)")
_KO_SUPPORTING = re.compile(r"지원|협력|후원|도와|돕|도우")
_KO_PRESSING = re.compile(r"촉구|요구|요청|건의|압박|설득")


def supports_itself(text, language="en"):
    """Whether `text`, an ask already speaking to the office, asks it to support itself."""
    if language == "ko":
        return bool(
            _KO_YOU_FIRST.match(text)
            and _KO_SUPPORTING.search(text)
            and not _KO_PRESSING.search(text)
        )
    return bool(_SUPPORTING_YOU.match(text))


# English ------------------------------------------------------------------------------


def _english_pattern(text):
    words = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).split()
    parts = []
    for index, word in enumerate(words):
        if word == "UN" and index == 0 and len(words) > 2:
            # "the Special Rapporteur on ..." is the UN's without saying so.
            parts.append(r"(?:(?:UN|U\.N\.|United\s+Nations)\s+)?")
            continue
        if word == "UN":
            parts.append(r"(?:UN|U\.N\.|United\s+Nations)")
        elif word in ("UN’s", "UN's"):
            parts.append(r"(?:UN|U\.N\.|United\s+Nations)['’]s")
        else:
            parts.append(re.escape(word).replace("’", "['’]"))
    return r"\s+".join(parts).replace(r")?\s+", ")?")


@lru_cache(maxsize=64)
def _english_re(names):
    alternatives = "|".join(_english_pattern(name.text) for name in names)
    return re.compile(
        rf"(?<![\w’'.-])(?P<the>the\s+)?(?:{alternatives})(?![\w-])(?P<possessive>['’]s\b)?",
        re.IGNORECASE,
    )


# A name followed by one of these is another holder of that title ("the Special
# Rapporteur on torture", "the Minister of Foreign Affairs of China").
_QUALIFIED = re.compile(r"\s+(?:on|for|of)\s")
# The verb after a name as subject, turned to agree with "you".
_AGREEING = {
    "is": "are", "was": "were", "has": "have", "does": "do", "isn’t": "aren’t",
    "isn't": "aren't", "wasn’t": "weren’t", "wasn't": "weren't", "hasn’t": "haven’t",
    "hasn't": "haven't", "doesn’t": "don’t", "doesn't": "don't", "gets": "get",
    "needs": "need", "receives": "receive", "obtains": "obtain", "reaches": "reach",
    "visits": "visit", "sees": "see", "meets": "meet", "monitors": "monitor",
    "enters": "enter", "works": "work", "remains": "remain", "continues": "continue",
    "can’t": "can’t", "wants": "want", "gains": "gain", "regains": "regain",
}  # fmt: skip
_NEXT_WORD = re.compile(r"(\s+)([\w’']+)")
# A name before one of these nouns stands for "your" ("let UNHCR staff visit", "ensure
# UNHCR access"): always before the people of a body, and before the others unless a
# verb gives them to the body ("grant UNHCR access" → "grant you access").
_ITS_PEOPLE = frozenset(
    ["staff", "officials", "officers", "representatives", "personnel", "workers", "team",
     "teams", "delegation", "delegations", "monitors", "experts", "envoys"]
)  # fmt: skip
_ITS_THINGS = frozenset(
    ["access", "mandate", "presence", "involvement", "assistance", "protection",
     "screening", "interviews", "offices", "office"]
)  # fmt: skip
# After these the next word is a verb ("let UNHCR access the camps").
_CAUSING = frozenset(["let", "help", "make", "have", "see", "watch"])
_GIVING = frozenset(
    ["grant", "give", "allow", "offer", "deny", "provide", "guarantee", "afford", "permit",
     "promise", "refuse"]
)  # fmt: skip


def _attributive(text, start, end):
    """Whether the name at text[start:end] stands before a noun it owns."""
    following = _NEXT_WORD.match(text, end)
    noun = following.group(2).casefold() if following else ""
    if noun in _ITS_PEOPLE:
        return True
    if noun not in _ITS_THINGS:
        return False
    before = text[:start].rstrip()
    previous = before.rsplit(None, 1)[-1].casefold() if before else ""
    return previous not in _GIVING | _CAUSING


# A later "its" is the office's while no other thing it could be comes first: no name,
# no noun after an article, no end of the sentence ("allow UNHCR to do its job", not
# "let UNHCR visit China and its prisons").
_ITS = re.compile(r"\b(its|itself)\b")
_OTHER_THING = re.compile(r"\b[A-Z]|\b(?:the|a|an|this|that|their|his|her)\s|[.;:!?]")


def _own_its(text):
    """`text` (what follows the office, now "you") with the office's own "its" as "your"."""
    found = _ITS.search(text)
    if not found or _OTHER_THING.search(text, 0, found.start()):
        return text
    word = {"its": "your", "itself": "yourself"}[found.group()]
    return text[: found.start()] + word + _own_its(text[found.end() :])


def _someone_else_s(text, start, end):
    """Whether the name at text[start:end] is marked as another's: after a possessive
    ("China's"), a name or an adjective of nationality ("the Chinese ..."), or before
    "on", "for" or "of" and what makes it another holder of that title."""
    if _QUALIFIED.match(text, end):
        return True
    before = text[:start].rstrip()
    previous = before.rsplit(None, 1)[-1] if before else ""
    if re.search(r"['’]s$", previous):
        return True
    # The first word of a sentence is capitalised anyway ("Let UNHCR reach them").
    head = before[: len(before) - len(previous)].rstrip()
    sentence_start = not head or head[-1] in ".;:!?—–(“\""
    return previous[:1].isupper() and not sentence_start and previous.casefold() != "the"


def _address_english(text, names):
    pattern = _english_re(tuple(names))
    pieces, end = [], None
    for found in pattern.finditer(text):
        start = found.start()
        if _someone_else_s(text, start, found.end()) or start < (end or 0):
            continue
        # What came between this mention and the last one may have its "its".
        pieces.append(text[:start] if end is None else _own_its(text[end:start]))
        owner = found["possessive"] or _attributive(text, start, found.end())
        word = "your" if owner else "you"
        if start == 0 or text[:start].rstrip()[-1:] in ".!?":
            word = word.capitalize()
        pieces.append(word)
        end = found.end()
        if not owner:
            following = _NEXT_WORD.match(text, end)
            if following and following.group(2).casefold() in _AGREEING:
                verb = _AGREEING[following.group(2).casefold()]
                pieces.append(following.group(1) + verb)
                end = following.end()
    if end is None:
        return text
    pieces.append(_own_its(text[end:]))
    return "".join(pieces)


# Korean -------------------------------------------------------------------------------

# The second person of a body, by the end of its name; a person is 귀하.
_KO_BODY_FORMS = (
    ("대사관", "귀 대사관"),
    ("위원회", "귀 위원회"),
    ("외통위", "귀 위원회"),
    ("사무소", "귀 사무소"),
    ("판무관실", "귀 기구"),
    ("정부", "귀 정부"),
    ("국회", "귀 의회"),
    ("의회", "귀 의회"),
    ("부", "귀 부처"),
    ("기구", "귀 기구"),
)
_KO_PARTICLES = (
    "으로부터", "로부터", "에게서", "에게", "에서", "께서", "으로", "이나", "까지", "이", "가",
    "은", "는", "을", "를", "과", "와", "로", "나", "의", "에", "께", "도", "만",
)  # fmt: skip
_KO_PAIRS = {"이": "이/가", "가": "이/가", "은": "은/는", "는": "은/는", "을": "을/를",
             "를": "을/를", "과": "과/와", "와": "과/와", "으로": "으로/로", "로": "으로/로",
             "이나": "이나/나", "나": "이나/나", "으로부터": "으로부터/로부터",
             "로부터": "으로부터/로부터"}  # fmt: skip


def _korean_form(name, names):
    """귀하 for a person; for a body, by the end of its name or, for a short name in
    Latin letters, of the office's other names (UNHCR → 귀 기구)."""
    if name.person:
        return "귀하"
    for candidate in (name, *names):
        if candidate.person:
            continue
        for ending, form in _KO_BODY_FORMS:
            if candidate.text.endswith(ending):
                return form
    return "귀 기관"


@lru_cache(maxsize=64)
def _korean_re(names):
    alternatives = "|".join(
        r"\s*".join(re.escape(part) for part in name.text.split()) for name in names
    )
    particles = "|".join(_KO_PARTICLES)
    return re.compile(
        rf"(?<![가-힣A-Za-z])(?P<name>{alternatives})"
        rf"(?:\s*\(\s*[A-Z]+\s*\))?(?P<particle>{particles})?(?![가-힣])"
    )


# A name after a country or a possessive is another's ("중국 외교부", "중국의 외교부").
_KO_SOMEONE_ELSE_S = re.compile(rf"(?:{_KO_COUNTRY}|[가-힣]의)\s*$")


def _with_particle(form, particle):
    if not particle:
        return form
    if particle in _KO_PAIRS:
        return hangul.particle(form, _KO_PAIRS[particle])
    return form + particle


def _address_korean(text, names):
    names = tuple(names)
    by_text = {re.sub(r"\s+", "", name.text): name for name in names}

    def replace(found):
        name = by_text.get(re.sub(r"\s+", "", found["name"]))
        if name is None or _KO_SOMEONE_ELSE_S.search(text, 0, found.start()):
            return found.group()
        return _with_particle(_korean_form(name, names), found["particle"])

    return _korean_re(names).sub(replace, text)
