"""Text helpers for talking points: comparing asks and finding sentences again.

Pure functions, no Django imports.

Two calls to action are "the same call" when they are addressed to the same
actor and their asks share most of their meaning. Meaning is approximated by
content words after light stemming, with a small synonym map for the words
this campaign's editorials use interchangeably ("repatriate", "deport", "send
back"; "stop", "end", "halt", "do not"). Words that nearly every ask of the
campaign contains ("defectors", "North Korea", "China") count for little, so
two asks never merge just because both are about defectors.
"""

from __future__ import annotations

import re

__all__ = [
    "SAME_CALL_THRESHOLD",
    "ask_similarity",
    "ask_terms",
    "clean_ask",
    "locate_sentence",
    "mask_markup",
    "normalise_ask",
    "same_call",
    "sentence_in_context",
]

# Calls whose asks score at least this much are merged into one talking point.
SAME_CALL_THRESHOLD = 0.7

# Weight of a word that almost every ask of the campaign contains.
GENERIC_WEIGHT = 0.1

_MARKER_RE = re.compile(r"^(## |- )", re.MULTILINE)


def mask_markup(body: str) -> str:
    """Blank out the heading ("## ") and list ("- ") markers at line starts.

    The markers become spaces of the same length, so offsets into the result
    are offsets into ``body``.
    """
    return _MARKER_RE.sub(lambda match: " " * len(match.group(0)), body)


# Phrases rewritten before splitting into words. Order matters: longer first.
_PHRASES = [
    (r"\bn\.\s?k\.", " north korean "),
    (r"\b(?:send|sends|sending|sent)\s+(?:\w+\s+){0,3}?back\b", " repatriate "),
    (r"\b(?:hand|hands|handing|handed)\s+(?:\w+\s+){0,3}?over\b", " repatriate "),
    (r"\bforc\w*\s+(?:return|returning|returns|returned)\b", " repatriate "),
    (r"\b(?:put|puts|putting)\s+an\s+end\s+to\b", " stop "),
    (r"\bno\s+(?:longer|more)\b", " stop "),
    (r"\brefrain\w*\s+from\b", " stop "),
    (r"\b(?:do|does|did)\s*n[o']t\b", " stop "),
    (r"\bwon't\b|\bcan't\b|\bcannot\b", " stop "),
]
_PHRASE_RES = [(re.compile(pattern), replacement) for pattern, replacement in _PHRASES]

_WORD_RE = re.compile(r"[a-z][a-z']*")

_STOPWORD_TEXT = """
    a about above across after again against all also am an and any are as at be been
    being both but by can could did do does doing each either every for from further had
    has have having he her here hers him his how i if in into is it its itself just
    let me more most my no nor of off on once only or other our ours out over own per
    same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up upon us very was we were what
    when where which while who whom why will with within would you your
    must need needs needed shall may might ought urge urged urges urging call calls
    called calling ask asks asked asking try tries trying make makes made take takes
    taken taking keep keeps kept continue continues get gets got
    further even still already really well now immediately urgently please
    forced forcibly forcible force forcing
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Surface words mapped to the word that stands for them all (stemmed later).
_SYNONYMS = {
    "stop": ["stop", "end", "ending", "ends", "halt", "cease", "quit", "not", "never", "abandon"],
    "repatriate": [
        "repatriate",
        "repatriation",
        "repatriating",
        "repatriated",
        "deport",
        "deportation",
        "deporting",
        "deported",
        "deports",
        "expel",
        "expelled",
        "expulsion",
        "expelling",
        "extradite",
        "extradition",
    ],
    "defector": ["defector", "escapee", "escaper"],
    "north": ["north", "pyongyang"],
    "korea": ["korea", "korean", "koreans"],
    "china": ["china", "chinese", "beijing"],
    "protect": ["protect", "protection", "shield", "safeguard"],
    "help": ["help", "aid", "assist", "assistance", "support"],
    "grant": ["grant", "give", "offer", "provide"],
    "asylum": ["asylum", "sanctuary", "refuge"],
}

# Campaign-wide words: they say what the campaign is about, not what is asked.
_GENERIC = frozenset(
    ["stop", "defector", "north", "korea", "korean", "china", "government", "people", "human"]
)

_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ed", "es", "s")


def _stem(word: str) -> str:
    """A deliberately light stemmer: enough to equate protect/protection/protecting."""
    word = word.strip("'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if suffix == "s" and word.endswith("ss"):
            break
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix == "ies":
                word += "y"
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


_CANONICAL = {
    _stem(surface): _stem(canonical)
    for canonical, surfaces in _SYNONYMS.items()
    for surface in surfaces
}
_GENERIC_STEMS = frozenset(_CANONICAL.get(_stem(word), _stem(word)) for word in _GENERIC)
_STOP = _CANONICAL[_stem("stop")]
_REPATRIATE = _CANONICAL[_stem("repatriate")]


def ask_terms(ask: str) -> dict[str, float]:
    """The weighted content words of an ask: {stem: weight}."""
    text = " " + ask.lower().replace("’", "'") + " "
    for pattern, replacement in _PHRASE_RES:
        text = pattern.sub(replacement, text)
    terms: dict[str, float] = {}
    for word in _WORD_RE.findall(text):
        if word in _STOPWORDS or len(word) < 2:
            continue
        stem = _stem(word)
        stem = _CANONICAL.get(stem, stem)
        if stem in _STOPWORDS:
            continue
        terms[stem] = GENERIC_WEIGHT if stem in _GENERIC_STEMS else 1.0
    return terms


def ask_similarity(first: str, second: str) -> float:
    """How much two asks mean the same thing, from 0 to 1.

    The weighted share of the shorter ask's content words that the longer one
    also contains: a short ask ("Stop repatriating defectors") is the same
    call as a longer, more specific one that contains it ("Do not send
    defectors back if they fled persecution"). Asks that share only
    campaign-wide words, or where one asks to stop something and the other
    does not, score 0.
    """
    a, b = ask_terms(first), ask_terms(second)
    if not a or not b:
        return 0.0
    if (_STOP in a) != (_STOP in b):
        return 0.0
    shared = a.keys() & b.keys()
    if all(a[term] == GENERIC_WEIGHT for term in shared):
        return 0.0
    overlap = sum(a[term] for term in shared)
    return overlap / min(sum(a.values()), sum(b.values()))


# Verbs that make the addressee an intermediary: "Press China to stop ..." asks
# the addressee to act on someone else, not to stop returning people itself.
_MEDIATING_RE = re.compile(
    r"\b(?:press|pressure|pressing|urge|urging|persuade|persuading|lobby|lobbying|call\s+on"
    r"|calling\s+on|ask|asking|push|pushing|convince|convincing|demand|demanding)\b"
)


def asks_to_stop_returns(ask: str) -> bool:
    """Whether an ask demands that its addressee stop returning people.

    This is the campaign's central demand, put in many words: "Stop repatriating
    defectors", "Do not send them back if they fled persecution", "Put an end to
    your policy of forcing their repatriation". Asks that only share its words
    score too low on similarity, so they are recognised by meaning: a stop and a
    return in the same ask, with no intermediary verb ("press China to stop ...").
    """
    terms = ask_terms(ask)
    if _STOP not in terms or _REPATRIATE not in terms:
        return False
    return not _MEDIATING_RE.search(ask.lower())


def same_call(first_addressee: str, first_ask: str, second_addressee: str, second_ask: str) -> bool:
    """Whether two calls to action should become one talking point."""
    if first_addressee != second_addressee:
        return False
    if asks_to_stop_returns(first_ask) and asks_to_stop_returns(second_ask):
        return True
    return ask_similarity(first_ask, second_ask) >= SAME_CALL_THRESHOLD


def normalise_ask(ask: str) -> str:
    """The form asks are compared and looked up by: lower case, single spaces, no end stop."""
    return " ".join(ask.lower().replace("’", "'").split()).rstrip(" .!;:")


def clean_ask(ask: str, max_length: int = 300) -> str:
    """An extracted ask as editors see it: capitalised, single spaces, no full stop."""
    text = " ".join(ask.split()).rstrip(" .;:")
    if len(text) > max_length:
        text = text[: max_length - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]


def locate_sentence(body: str, sentence: str, near: int = 0) -> tuple[int, int] | None:
    """Find ``sentence`` in ``body`` again; return its (start, end) or None.

    White space inside the sentence may have changed (a re-wrapped line). When
    the sentence occurs more than once, the occurrence closest to ``near`` (its
    previous offset) wins.
    """
    words = sentence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    best = None
    for match in pattern.finditer(body):
        if best is None or abs(match.start() - near) < abs(best[0] - near):
            best = (match.start(), match.end())
    return best


def sentence_in_context(body: str, start: int, end: int, radius: int = 200):
    """The text around a cited sentence: (before, sentence, after).

    About ``radius`` characters on each side, cut at a word boundary, with an
    ellipsis where the body goes on.
    """
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    before_from = max(0, start - radius)
    before = body[before_from:start]
    if before_from > 0:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    after_to = min(len(body), end + radius)
    after = body[end:after_to]
    if after_to < len(body):
        after = (after.rsplit(" ", 1)[0] if " " in after else after) + "…"
    return before, body[start:end], after
