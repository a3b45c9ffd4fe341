"""Doers: who the text shows doing what a demand with no agent is about.

A demand that names no one to act ("Stop the deportations", "The detainees
must be released", "We call for an end to the returns") is for the actor whose
conduct must change. Rules:

* The conduct comes in families (returning people, detaining them, punishing
  them), each in any of its forms: "repatriation", "sent back" (with
  a long object between: "sent more than two hundred people back"), "handed
  over", "handed back";
  "held", "custody", "release"; "torture", "prison camps".
* The doer is the subject or owner of the conduct, right before it ("China has
  again sent back", "Beijing's returns", "urged China to stop returning",
  "Beijing must stop the returns"), or
  its agent after "by" ("held and interrogated by the Ministry of State
  Security"); people are returned by the state they are returned from ("the
  return of North Koreans from China"); not an actor merely nearby ("UN
  experts alarmed by returns").
* "Your police arrest North Koreans", in a letter to President Xi: "your"
  office is the one the letter is written to; "Stop the returns", said to
  someone (a letter, a speaker's turn, a post tagging an account), shows them
  doing what they are told to stop.
* When nobody is shown doing it, the one the text keeps urging ("calls on
  the Chinese authorities to ...", "We ask you to ..." in a letter), else the
  one it names most.
"""

from __future__ import annotations

import re
from collections import Counter

from articles.extraction.actors import classify_np, find_actors, mention_end
from articles.extraction.sentences import Doc

# What the campaign's demands are about, by the kind of conduct they ask to
# change; each family's words in any form ("return", "repatriation", "sent
# back", "handed over").
_CONDUCT = {
    "return": r"repatriat\w*|return(?:s|ed|ing)?\b|returnees?"
    r"|sen[dt]\w*\s+(?:[\w'’-]+\s+){0,6}?back"
    r"|deport\w*|hand(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:over|back)|refoul\w*|expel\w*|transfer\w*",
    "detain": r"detain\w*|detention|arrest\w*|round(?:s|ed|ing)?\s+up|holds?|holding|held|custody"
    r"|imprison\w*|jail\w*|free\b|release\w*|crack\w*\s+down|crackdown",
    "punish": r"punish\w*|tortur\w*|execut\w*|interrogat\w*|persecut\w*|labou?r\s+camps?"
    r"|prison\s+camps?|ill-treat\w*|abus\w*",
}
CONDUCT_RE = {
    family: re.compile(rf"\b(?:{words})", re.IGNORECASE) for family, words in _CONDUCT.items()
}
# An order to stop a conduct: "Stop returning people who ..."
STOP_CONDUCT_RE = re.compile(
    r"(?:stop|cease|end|halt)\s+(?:the\s+)?(?:forcibly\s+|forced\s+)?(?:return|repatriat|deport"
    r"|detain|arrest|hand|send)\w*\b",
    re.IGNORECASE,
)
# Nouns that ask for an end to, or a change of, someone's conduct.
CHANGE_RE = re.compile(
    r"\b(?:halt|end|stop|moratorium|suspension|cessation|release|freeing|closure|access)\b",
    re.IGNORECASE,
)
_FROM_RE = re.compile(r"\s+(?:of\s+)?(?:[\w'’-]+\s+){0,4}?from\s+(?:the\s+)?", re.IGNORECASE)
_STATES = frozenset({"china", "north_korea", "south_korea_government", "other"})
_STOP_BEFORE_RE = re.compile(
    r"\b(?:stop|end|halt|cease)\s+(?:the\s+|your\s+|these\s+|all\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_BY_RE = re.compile(r"\s+(?:(?:[\w'’-]+\s+){0,2}?)by\s+", re.IGNORECASE)


def _agents(doc: Doc, family: str | None) -> Counter[str]:
    """Who the text shows doing the conduct of ``family`` (any family when None)."""
    counts: Counter[str] = Counter()
    patterns = [CONDUCT_RE[family]] if family else list(CONDUCT_RE.values())
    for i, sentence in enumerate(doc.sentences):
        text = sentence.text
        mentions = doc.mentions(i)
        you = doc.layout.letter_of.get(i) or doc.layout.address_of.get(i)
        if not mentions and not you and " from " not in text:
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                by = _BY_RE.match(text, m.end())
                if by:  # "held and interrogated by the Ministry of State Security"
                    after = [a for pos, a in mentions if by.end() <= pos < by.end() + 30]
                    if after:
                        counts[after[0]] += 1
                        continue
                # "the return of North Koreans from China": people are sent back by the
                # state they are sent back from
                sender = _FROM_RE.match(text, m.end()) if pattern is CONDUCT_RE["return"] else None
                if sender:
                    state = classify_np(text[sender.end() : sender.end() + 60])
                    if (
                        state in _STATES
                        and find_actors(text[sender.end() : sender.end() + 60])[0][0] == 0
                    ):
                        counts[state] += 1
                        continue
                # the actor right before it, as its subject or owner: "China's returns",
                # "Chinese police are holding ...", "urged China to stop returning"; not
                # "UN experts alarmed by new returns" (alarmed, not returning)
                agent = _doer_before(text, doc.raw_mentions(i), m.start())
                if agent is not None:
                    counts[doc.home(agent)] += 1
                    continue
                # "your police arrest North Koreans", in a letter to President Xi; "Stop
                # the returns", said to someone: told to stop, they are the ones doing it
                if you and _told_or_yours(text, m.start()):
                    counts[you] += 1
    counts.pop("public", None)
    return counts


def _told_or_yours(text: str, conduct: int) -> bool:
    """Whether the conduct is "your" office's, or what the one spoken to is told to stop."""
    yours = _YOUR_OFFICE_RE.search(text, max(0, conduct - 80), conduct)
    if yours and _DOER_GAP_RE.fullmatch(text, yours.end(), conduct):
        return True
    return bool(_STOP_BEFORE_RE.search(text, max(0, conduct - 30), conduct))


# What may stand between a doer and its conduct: "'s", auxiliaries, adverbs,
# "to stop", "policy of", a demand that it stop: "China has again sent back",
# "Beijing's forced returns", "urged China to stop forcibly returning", "Beijing
# must stop the returns".
_DOER_GAP_RE = re.compile(
    r"(?:[’']s)?(?:\s+(?:own|is|are|was|were|has|have|had|been|being|will|would|to|stop|end"
    r"|must|should|ought"
    r"|halt|cease|refrain\s+from|continues?|continued|continuing|keeps?|kept|also|again|still"
    r"|now|not|never"
    r"|no\s+longer|\w+ly|policy|practice|of|forced|forcible|mass|systematic|ongoing|the|its"
    r"|their|latest|new|recent)\b)*\s+",
    re.IGNORECASE,
)


_YOUR_OFFICE_RE = re.compile(
    r"\byour\s+(?:own\s+)?(?:police|government|authorities|officials|border\s+guards"
    r"|security\s+(?:services|forces|officers)|courts|ministry|officers)\b(?!.*\byour\b)",
    re.IGNORECASE,
)


def _doer_before(text: str, raw_mentions: list[tuple[int, str]], conduct: int) -> str | None:
    for pos, actor in reversed(raw_mentions):
        if pos >= conduct:
            continue
        if conduct - pos > 90:
            return None
        end = mention_end(text, pos, actor)
        if _DOER_GAP_RE.fullmatch(text, end, conduct):
            return actor
        return None  # the nearest actor before it is not its doer
    return None


def perpetrator(doc: Doc, demand: str) -> str | None:
    """The actor whose conduct a demand with no agent asks to change."""
    cache = doc.__dict__.setdefault("_agents", {})
    families = [f for f, pattern in CONDUCT_RE.items() if pattern.search(demand)] or [None]
    for family in families:
        if family not in cache:
            cache[family] = _agents(doc, family)
        if cache[family]:
            return cache[family].most_common(1)[0][0]
    if None not in cache:
        cache[None] = _agents(doc, None)
    if cache[None]:
        return cache[None].most_common(1)[0][0]
    # no one is shown doing it: the one the text keeps urging, else the one it names most
    if "targets" not in cache:
        cache["targets"] = targets(doc)
    if cache["targets"]:
        return cache["targets"].most_common(1)[0][0]
    return doc.main_actor


_URGED_RE = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|calls?\s+(?:on|upon)|called\s+(?:on|upon)|calling\s+(?:on|upon)"
    r"|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?|(?:request|call|appeal)s?\s+to"
    r"|ask(?:s|ed|ing)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def targets(doc: Doc) -> Counter[str]:
    """Actors the text urges or calls on: "calls on the Chinese authorities to ..."."""
    counts: Counter[str] = Counter()
    for i, sentence in enumerate(doc.sentences):
        for pos, actor in doc.mentions(i):
            if actor != "public" and _URGED_RE.search(sentence.text, max(0, pos - 30), pos):
                counts[actor] += 1
        you = doc.layout.letter_of.get(i) or doc.layout.address_of.get(i)
        asks = len(_ASK_YOU_RE.findall(sentence.text))
        if you and you != "public" and asks:  # "We ask you to ...", in a letter to someone
            counts[you] += asks
    return counts


_ASK_YOU_RE = re.compile(
    r"\b(?:ask|urge|call\s+(?:on|upon)|appeal\s+to|implore|request)\s+you\b", re.IGNORECASE
)
