"""Actors: who a noun phrase names, as one of the addressee classes.

Rules (each a fact about how the campaign's texts name the parties):

* Seoul, "our government", the ministries, the president, the National
  Assembly and "lawmakers" name ``south_korea_government``: "The Unification
  Ministry should speak up."
* Beijing, "the Chinese authorities", Xi Jinping name ``china``.
* Pyongyang, "the Kim regime", "the North" name ``north_korea``.
* The U.N. and its bodies, "the international community", "the world",
  democracies and governments together name ``international_community``.
* A place is not an actor: "in Seoul", "to China", "from Pyongyang" (a
  look-behind on place prepositions).
* "we", readers, citizens name ``public``; defectors, families, detainees are
  the people a call is about (victims), never the ones asked to act.

Each pattern is compiled behind a cheap look-ahead on its first character;
``ACTOR_SOURCES`` keeps the plain sources, so a test can check that the gate
hides no match.
"""

from __future__ import annotations

import re

# Place prepositions: "in Seoul", "to China" name a place, not an actor.
_NOT_PLACE = r"(?<!\bin )(?<!\binto )(?<!\bto )(?<!\bfrom )(?<!\bvia )(?<!\bof )(?<!\bat )"


# (addressee, the characters every alternative of the pattern starts with, pattern)
ACTOR_SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "south_korea_government",
        "OoTtSMNCFUlLYPK",
        r"\b(?:[Oo]ur|[Tt]he|South Korea[’']s)\s+(?:new\s+|own\s+)?(?:government|administration"
        r"|president|foreign ministry|foreign minister|unification ministry"
        r"|unification minister|diplomats|authorities)\b"
        r"|\b[Oo]ur\s+(?:political\s+)?(?:leaders(?:hip)?|officials|politicians|lawmakers)\b"
        r"|\b[Tt]he\s+(?:South\s+)?Korean\s+(?:government|administration|president"
        r"|foreign\s+minist(?:er|ry)|unification\s+minist(?:er|ry)|authorities"
        r"|diplomats|embassy)\b"
        r"|\b[Tt]he\s+Seoul\s+government\b"
        r"|(?<!Chinese )(?<!North Korean )\b(?:[Tt]he\s+)?(?:Foreign|Unification)\s+Ministry\b"
        r"|\b(?:[Tt]he\s+)?(?:South\s+Korean\s+)?Ministry\s+of\s+(?:Unification|Foreign\s+Affairs)\b"
        r"|\b(?:[Tt]he\s+)?National\s+Assembly\b|\bCheong\s+Wa\s+Dae\b|\b[Tt]he\s+Blue\s+House\b"
        r"|\bSouth\s+Korea[’']s\s+(?:parliament|lawmakers)\b"
        r"|(?<!US )(?<!U\.S\. )(?<!American )\b[Ll](?:awmakers|egislators)\b"
        r"|" + _NOT_PLACE + r"\bSouth\s+Korea\b(?![a-zA-Z])"
        r"|\b(?:[Tt]he\s+)?(?:Yoon(?:\s+Suk[- ][Yy]eol)?|Moon(?:\s+Jae[- ][Ii]n)?"
        r"|Lee(?:\s+Jae[- ][Mm]yung|\s+Myung[- ][Bb]ak)?|Park(?:\s+Geun[- ][Hh]ye)?)"
        r"\s+(?:government|administration)\b"
        r"|\bPresident\s+(?:Yoon|Moon|Lee\s+Jae[- ][Mm]yung|Park\s+Geun[- ][Hh]ye)\b"
        r"|" + _NOT_PLACE + r"(?<!North )(?<!South )\bKorea\b(?![a-zA-Z])"
        r"|" + _NOT_PLACE + r"\bSeoul\b(?!\s+National)",
    ),
    (
        "north_korea",
        "NTtKP",
        r"\bNorth\s+Korean\s+(?:regime|government|authorities|leader(?:ship)?"
        r"|officials|guards|dictator(?:ship)?|state)\b"
        r"|\b[Tt]he\s+Kim\s+(?:regime|dynasty|family)\b|\bKim\s+Jong[- ]?(?:un|Un|Eun|il|Il)\b"
        r"|" + _NOT_PLACE + r"\bNorth\s+Korea\b(?![a-zA-Z])"
        r"|" + _NOT_PLACE + r"\bPyongyang\b|" + _NOT_PLACE + r"\b[Tt]he\s+North\b(?![\s-]Korean)",
    ),
    (
        "china",
        "CXPTtB",
        r"\bChinese\s+(?:government|authorities|leaders(?:hip)?|officials|police"
        r"|[Ff]oreign\s+[Mm]inist(?:er|ry)|president|Communist\s+Party|side|embassy)\b"
        r"|\bXi(?:\s+Jinping)?\b(?![’'-]an)|\bPresident\s+Xi\b|\b[Tt]he\s+(?:CCP|CPC)\b"
        r"|" + _NOT_PLACE + r"\b(?:China|Beijing)\b",
    ),
    (
        "international_community",
        "TtUuDdMmOoGgFfJjAaSsW",
        r"(?i:\bthe\s+international\s+community\b|\bthe\s+United\s+Nations\b"
        r"|\bUNHCR\b|\bthe\s+world\b(?![’']s)|\bthe\s+United\s+States\b"
        r"|\b(?:U\.S\.|US)\s+Congress\b|\bthe\s+(?:EU|European\s+Union)\b|\bdemocracies\b"
        r"|\bdemocratic\s+(?:countries|nations|governments)\b|\bmember\s+states\b"
        r"|\bthe\s+(?:Security|Human\s+Rights)\s+Council\b|\bother\s+(?:countries|nations)\b"
        r"|\b(?:foreign\s+)?governments\b|\bthe\s+West\b|\bJapan\b|\ballies\b"
        r"|\bsignatory\s+(?:states|countries|nations)\b)"
        r"|\bU\.\s?N\.|\bUN\b|\b[Tt]he\s+U\.\s?S\.|\b[Tt]he\s+US\b"
        r"|" + _NOT_PLACE + r"\bWashington\b",
    ),
)


def _gated(first_chars: str, pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` behind a cheap test of the first character.

    Every alternative of the pattern must start with one of ``first_chars``;
    the look-ahead lets the engine skip all other positions quickly.
    """
    return re.compile(f"(?=[{first_chars}])(?:{pattern})")


ACTOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (addressee, _gated(first_chars, source)) for addressee, first_chars, source in ACTOR_SOURCES
)


PUBLIC_RE = re.compile(
    r"\b(?:we|us|our\s+(?:society|nation|country|citizens|readers)|readers|everyone|everybody"
    r"|citizens|all\s+of\s+us|each\s+of\s+us|you|the\s+public|civil\s+society|ordinary\s+people"
    r"|(?:South\s+)?Koreans|young\s+people|voters|churches|activists|campaigners)\b",
    re.IGNORECASE,
)

VICTIM_RE = re.compile(
    r"\b(?:defectors|refugees|escapees|North\s+Koreans|returnees|asylum[- ]seekers"
    r"|families|women|children|detainees|migrants|victims|people)\b",
    re.IGNORECASE,
)

PLURAL_ACTOR_RE = re.compile(
    r"\b(?:authorities|officials|leaders|governments|lawmakers|democracies|countries|nations"
    r"|diplomats|guards|police)\b",
    re.IGNORECASE,
)

# Heads of noun phrases that name someone able to act, though not one of
# the addressees we know by name.
AGENT_NOUN_RE = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|businesses|airlines|banks|universit(?:y|ies)|churches"
    r"|groups?|organi[sz]ations?|agenc(?:y|ies)|NGOs|charities|media|journalists"
    r"|broadcasters|officials|leaders|part(?:y|ies)|committee|court|judges|brokers"
    r"|employers|schools|platforms|operators|minist(?:ry|ries)|department|commission"
    r"|lawyers|doctors|embass(?:y|ies)|editors|publishers|authorities|governments?)\b",
    re.IGNORECASE,
)

PRONOUNS = frozenset({"it", "they", "he", "she", "this", "that", "these", "those"})


def find_actors(text: str) -> list[tuple[int, str]]:
    """Actor mentions in ``text`` as (position, addressee), in text order."""
    found = []
    for addressee, pattern in ACTOR_PATTERNS:
        found.extend((m.start(), addressee) for m in pattern.finditer(text))
    found.sort()
    return found


def classify_np(np: str) -> str | None:
    """Addressee named by a noun phrase, or None when it names no actor."""
    mentions = find_actors(np)
    if mentions:
        return mentions[0][1]
    if PUBLIC_RE.search(np):
        return "public"
    return None
