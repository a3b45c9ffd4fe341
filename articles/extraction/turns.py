"""Turns: whom a speaker, a letter's greeting or a post speaks to.

A text may speak to someone other than its reader for a while. Rules:

* "To the ambassador in that building: open your doors.", "And to the United
  Nations: ...", and a turn said as a sentence of its own ("First, to the
  ambassador behind me.", "Second, to our own government."): the rest of the
  paragraph is said to them.
* A vocative opening a sentence ("Distinguished delegates, ...", "Mr.
  Ambassador, ...", "Prime Minister, ...", "President Xi, we appeal to you")
  turns the paragraph to the one called; "Mr. President" or "Prime Minister"
  with no country is the head of the text's own state or government.
* The same turn inside a sentence: "But I say to Pyongyang as well: ...", "And
  I say this to Beijing, knowing that its embassy listens: ...", "My
  message to the ambassador is simple: ...", "Our request to the Special
  Rapporteur is simple: ...", "Let me say a word to the Chinese embassy",
  "I now want to speak to the government in Ottawa.",
  "My first message is for Beijing.".
* A post that opens by tagging an account ("3/ @MFA_China: these are
  refugees ...", "@MOFA_ROK you knew") speaks to that account to the end of
  the post; a country code in the account's name says whose it is ("@mofa_kr").
* A state, a capital or a body called by name and then spoken to ("Seoul, you
  can say the word.", "Pyongyang, next time stay in your seat"), and "Our ask
  to every delegation: ..." turn the rest of the paragraph to them.
* "The ambassador", "the embassy" with no country are the ones whose embassy
  the text has named ("in front of the Chinese Embassy").
"""

from __future__ import annotations

import re

from articles.extraction.actors import classify_np, find_actors
from articles.extraction.sentences import Doc

# "Mr. President", "Madam President": in a letter or petition, the country's own
_HEAD_OF_STATE_RE = re.compile(
    r"^(?:(?:Mr\.?|Madam|Madame)\s+President\b(?!\s+(?:of|Xi)\b)"
    # "Prime Minister," called by title alone; "Prime Minister Ito" is a person named
    r"|(?:(?:Mr\.?|Madam|Madame)\s+)?Prime\s+Minister\s*(?:,|$))"
)


def named_or_head_of_state(np: str) -> str | None:
    """The addressee a letter's header or greeting names; "Mr. President" with no
    country is the president of the text's own country."""
    named = classify_np(np)
    if named is None and _HEAD_OF_STATE_RE.match(np.strip()):
        return "home"
    return named


# A speaker turning to someone: "To the ambassador in that building: open your
# doors.", "And to the United Nations: ...", "Distinguished delegates, ...". What
# follows in the paragraph is said to them.
_APOSTROPHE_RE = re.compile(
    r"^(?:\d{1,2}/(?:\d{1,3})?\s+)?(?:(?:and|but|finally|now|so|lastly)[,\s]+)?to\s+(?P<np>[^:]{3,120}?)\s*:\s+",
    re.IGNORECASE,
)
# "First, to the ambassador in the building behind me.": a turn said as a sentence
# of its own, without a verb; the speaker then speaks to them to the paragraph's end
_TURN_SENTENCE_RE = re.compile(
    r"^(?:(?:and|but|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|finally|now|lastly|then)"
    r"[,\s]+)?to\s+(?P<np>[^:;.!?]{3,100}?)\s*[.!]$",
    re.IGNORECASE,
)
# A post that opens by tagging an account ("3/ @MFA_China: these are refugees ...")
# speaks to that account to the end of the post
_HANDLE_TURN_RE = re.compile(
    r"^(?:\d{1,2}/(?:\d{1,3})?\s*)?(?:(?:and|but|so|now)\s+)?@(?P<handle>\w{2,30})(?:\s*[:,—–])?\s+",
    re.IGNORECASE,
)
# Country codes in account names: "@mofa_kr" is Korea's foreign ministry
_HANDLE_CODES = {
    "cn": "China",
    "prc": "China",
    "kr": "Korea",
    "rok": "Korea",
    "kp": "North Korea",
    "dprk": "North Korea",
    "jp": "Japan",
    "us": "US",
    "usa": "US",
    "uk": "UK",
    "un": "UN",
}


def _handle_words(handle: str) -> str:
    """An account's name as words: "MFA_China" -> "MFA China", "mofa_kr" -> "mofa Korea"."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", handle)
    return " ".join(_HANDLE_CODES.get(w.lower(), w) for w in words)


_VOCATIVE_START_RE = re.compile(
    r"^(?P<np>(?:(?:my\s+)?(?:dear|distinguished|honou?rable|esteemed|respected|fellow)\s+)"
    r"[\w .'-]{2,40}?|ladies\s+and\s+gentlemen|excellencies|friends|colleagues"
    r"|members\s+of\s+[\w ]{3,40}?|(?:mr|madam|madame)\.?\s+(?:president|chair\w*|speaker"
    r"|ambassador|minister|prime\s+minister|secretary[- ]general|high\s+commissioner)"
    # "President Xi, we appeal to you ...": an office-holder called by title and name
    r"|(?-i:(?:President|Prime\s+Minister|Minister|Secretary|Ambassador|Chancellor|High"
    r"\s+Commissioner)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
    # a title alone: "Prime Minister, raise their cases ..."
    r"|(?-i:Prime\s+Minister|Ambassador|High\s+Commissioner|Secretary-General))\s*,\s+",
    re.IGNORECASE,
)


# The same turn inside a sentence: "But I say to Pyongyang as well: you must stop ...",
# "My message to the ambassador is simple: ..."
_SAY_TO_RE = re.compile(
    r"\b(?:I|we)\s+(?:also\s+|now\s+|would\s+)?(?:say|appeal|turn)\s+(?:this\s+|now\s+)?to\s+"
    # "And I say this to Beijing, knowing that the embassy is listening: ..."
    r"(?P<np>[^:,;]{2,80}?)(?:,?\s+(?:as\s+well|too|also))?(?:,\s+[^:;.]{1,120})?\s*:"
    r"|\b(?:my|our)\s+(?:message|request|appeal|plea|demand|ask|advice)\s+to\s+"
    r"(?P<np2>[^:,;]{2,80}?)(?:\s+is(?:\s+\w+)?)?\s*:"
    # "My first message is for Beijing.": what follows in the paragraph is said to it
    r"|\b(?:my|our)\s+(?:\w+\s+)?(?:message|request|appeal|plea|demand|ask|words?)\s+"
    r"(?:is|are)\s+(?:for|to)\s+(?P<np7>[^.:;,]{2,60}?)\s*[.:]"
    # a state, a capital or a body called by name, then spoken to: "Seoul, you can say
    # the word.", "Pyongyang, next time stay in your seat"
    r"|^(?:\d{1,2}/(?:\d{1,3})?\s+)?(?P<np6>(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})),\s+"
    r"(?=you\b|please\b|(?:next|this)\s+time\b)"
    # "if there is anyone here from the Chinese mission, I want to say to you ..."
    r"|\bif\s+(?:there\s+is\s+|there\s+are\s+)?(?:anyone|someone|any\s+\w+|you\s+are)\s+"
    r"(?:here\s+|in\s+this\s+room\s+)?(?:from|of|representing|with)\s+(?P<np3>[^,:;]{2,60}?)\s*[,:]"
    # "Let me say a word to the Chinese embassy, which ...": what follows is said to it
    r"|\b(?:let\s+me|(?:I|we)\s+(?:now\s+|also\s+)?(?:want|would\s+like|wish)\s+to)\s+(?:now\s+|also\s+)?"
    r"(?:say\s+(?:a\s+word|a\s+few\s+words|something|this)|speak|talk|turn)\s+(?:directly\s+)?"
    r"to\s+(?P<np5>[^,:;.]{2,80})"
    # "Beijing, too, needs to hear this plainly."
    r"|^(?P<np4>[A-Z][\w’' ]{1,40}?),?\s+(?:too,?\s+|also\s+)?(?:needs|ought|has|deserves)\s+to\s+"
    r"hear\s+(?:this|it|that|the\s+same)\b",
    re.IGNORECASE,
)


def find_addresses(doc: Doc, address_of: dict[int, str | None]) -> None:
    """Fill ``address_of``: each sentence said to someone turned to, with who it is."""
    sentences = doc.sentences
    for i, sentence in enumerate(sentences):
        m = _APOSTROPHE_RE.match(sentence.text) or _VOCATIVE_START_RE.match(sentence.text)
        turn = None if m else _TURN_SENTENCE_RE.match(sentence.text.strip())
        handle = None if m or turn else _HANDLE_TURN_RE.match(sentence.text)
        if handle:
            addressee = classify_np(_handle_words(handle.group("handle")))
            if addressee is None or addressee == "public":
                continue
        elif turn:
            addressee = classify_np(turn.group("np")) or diplomat_of(doc, turn.group("np"), i)
            if addressee is None:
                continue
        elif m:
            np = re.split(r",\s+(?:which|who)\b", m.group("np"))[0]
            addressee = named_or_head_of_state(np) or diplomat_of(doc, np, i)
            if addressee is None and re.search(r"\bdelegat|\bcouncil\b", np, re.IGNORECASE):
                addressee = "international_community"
        else:
            turn = _SAY_TO_RE.search(sentence.text)
            if not turn:
                continue
            groups = ("np", "np2", "np3", "np4", "np5", "np6", "np7")
            np = next(turn.group(g) for g in groups if turn.group(g))
            addressee = classify_np(np) or diplomat_of(doc, np, i)
            if addressee is None and re.search(r"\bdelegat|\bcouncil\b", np, re.IGNORECASE):
                addressee = "international_community"  # "Our ask to every delegation: ..."
            if addressee is None or addressee == "public":
                continue
        j = i
        while j < len(sentences) and doc.paragraph_of[j] == doc.paragraph_of[i]:
            address_of[j] = addressee
            j += 1


_DIPLOMAT_RE = re.compile(
    r"\b(?:ambassador|embassy|consulate|consul|mission|envoy|legation|chargé)\b", re.IGNORECASE
)


def diplomat_of(doc: Doc, np: str, idx: int) -> str | None:
    """Which state "the ambassador"/"the embassy" with no country belongs to: the one
    whose embassy the text has named ("in front of the Chinese Embassy")."""
    if not _DIPLOMAT_RE.search(np) or find_actors(np):
        return None
    for j in range(min(idx, len(doc.sentences) - 1), -1, -1):
        sentence = doc.sentences[j].text
        for m in _DIPLOMAT_RE.finditer(sentence):
            near = [
                a
                for pos, a in find_actors(sentence)
                if m.start() - 30 <= pos <= m.end() + 45 and a != "international_community"
            ]
            if near:
                return near[0]
    return None


# Whom a text turns to inside a sentence, for the addressees module:
# "Write to the Director ... calling on him to:", "reminded the authorities of the DPRK
# that ...", a headline's topic "China: Stop ..."
WRITTEN_TO_RE = re.compile(
    r"\b(?:write|e-?mail|appeal|send\s+\w+)\s+to\s+(?P<np>.{3,120}?)\s+(?:calling|urging|asking)\b",
    re.IGNORECASE,
)
REMINDED_RE = re.compile(
    r"\bremind(?:s|ed)?\s+(?P<np>[^,;:]{2,80}?)\s+(?:once\s+again\s+|again\s+)?(?:that|of\s+its)\b",
    re.IGNORECASE,
)
TOPIC_ORDER_RE = re.compile(r"(?P<np>[A-Z][\w’' ]{1,30}):\s+")
