"""An English ask as a verb phrase, and its persons (see `campaign.letters.reframe`). Pure.

An ask is an imperative ("Put an end to your policy"), a negated one ("Do not send
them back"), a noun phrase ("An end to forced returns") or a statement of what
someone must do ("China must stop ..."); each becomes a `Clause`, a verb phrase in
the base form that can be turned into an infinitive, a "should" clause or an
imperative again. Its second person ("your policy") is turned into the third person
of the actor it was addressed to, or back.
"""

import re
from dataclasses import dataclass

# Clauses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """A verb phrase in the base form ("put an end to your policy") and its negation."""

    body: str
    negation: str = ""  # "", "not", "never", "never again" or "no longer"

    @property
    def needs_plural(self):
        """A "you" that stays a pronoun needs a plural name: "you are" → "they are",
        where "it are" would be wrong, and "them" for an object is right either way."""
        return any(
            kind in ("subject", "object", "you're", "you've", "you'll", "you'd", "yourselves")
            for kind, _ in _second_person(self.body)
        )

    def to_infinitive(self):
        if self.negation:
            return f"{self.negation} to {self.body}"
        return f"to {self.body}"

    def with_should(self):
        return " ".join(part for part in ("should", self.negation, self.body) if part)

    def imperative(self):
        lead = "do not" if self.negation == "not" else self.negation
        return capitalise(" ".join(p for p in (lead, self.body) if p))


_NEGATION = re.compile(r"^(do\s+not|don['’]t|never\s+again|never|no\s+longer)\s+", re.IGNORECASE)
_MODAL = re.compile(
    r"^(?P<subject>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<modal>must|should|shall|ought\s+to|needs?\s+to|has\s+to|have\s+to|cannot|can['’]t"
    r"|can\s+no\s+longer)(?P<neg>\s+not|\s+never|\s+no\s+longer)?\s+(?P<vp>\S.*)$",
    re.IGNORECASE,
)
# A "subject" with one of these words is the start of an imperative instead: the
# modal is in a complement ("Ensure that defectors must ...", "Tell Beijing it must
# ...") or in a relative clause ("Help those who must hide").
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|to|ensure|make|insist|demand|tell|say|declare|recogni[sz]e|remember|who|whom"
    r"|whose|which|where)\b",
    re.IGNORECASE,
)
_PROPER = frozenset(
    ["china", "chinese", "beijing", "seoul", "pyongyang", "korea", "korean", "north", "south",
     "japan", "un", "unhcr", "i"]
)  # fmt: skip


def _lower_first(text):
    first = text.split(" ", 1)[0]
    if re.sub(r"['’]s$", "", first.casefold()) in _PROPER or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


# An ask that opens with one of these, or with a name, is a noun phrase ("An end to
# forced returns", "UNHCR access to detainees"), not an imperative; the office is
# asked to have the actor ensure it.
_NOUN_PHRASE_START = frozenset(
    ["a", "an", "the", "no", "more", "full", "immediate", "unhindered", "unconditional",
     "safe", "free", "fair"]
)  # fmt: skip


def _noun_phrase(text):
    first = text.split(" ", 1)[0]
    is_name = first[:1].isupper() and _lower_first(first) == first
    return first.casefold() in _NOUN_PHRASE_START or is_name


def capitalise(text):
    return text[:1].upper() + text[1:]


def statement_of(text):
    """(subject, Clause) for "<subject> must/should/cannot ...", or None."""
    found = _MODAL.match(text)
    if not found or _CLAUSE_OPENER.search(found["subject"]):
        return None
    modal = found["modal"].casefold()
    negation = " ".join((found["neg"] or "").casefold().split())
    if modal.startswith("can"):
        negation = "no longer" if "longer" in modal else "not"
    return found["subject"], Clause(found["vp"], negation)


def imperative(text):
    """The Clause of an ask in the imperative ("Do not send them back") or a noun phrase
    ("An end to forced returns", which the actor is asked to ensure)."""
    if text.casefold().startswith("please "):
        text = text[len("please ") :]
    negated = _NEGATION.match(text)
    if negated:
        word = " ".join(negated.group(1).casefold().replace("’", "'").split())
        negation = {"do not": "not", "don't": "not"}.get(word, word)
        return Clause(_lower_first(text[negated.end() :]), negation)
    if _noun_phrase(text):
        return Clause("ensure " + _lower_first(text))
    return Clause(_lower_first(text))


# Persons ----------------------------------------------------------------------------

_SECOND = re.compile(
    r"\b(?:you(?:['’](?:re|ve|ll|d))?|yours|yourself|yourselves|your)\b(?!['’])", re.IGNORECASE
)
# An imperative has no subject of its own, so a "you" in it is the subject of a
# subordinate clause when it follows a word that opens one ("make sure you are",
# "show that you respect") or comes before an auxiliary ("... you have done").
_BEFORE_SUBJECT = frozenset(
    ["that", "if", "when", "whenever", "whether", "and", "or", "but", "so", "because", "as",
     "unless", "until", "while", "where", "before", "after", "since", "once", "than", "what",
     "how", "why", "who", "which", "sure", "ensure"]
)  # fmt: skip
_AUXILIARIES = frozenset(
    ["are", "were", "have", "had", "do", "did", "don't", "can", "cannot", "can't", "could",
     "will", "would", "should", "must", "may", "might", "shall", "is", "was", "need"]
)  # fmt: skip
_THIRD = {
    False: {"you": "it", "you're": "it's", "you've": "it has", "you'll": "it will",
            "you'd": "it would", "your": "its", "yours": "its own", "yourself": "itself",
            "yourselves": "themselves", "object": "it"},
    True: {"you": "they", "you're": "they're", "you've": "they've", "you'll": "they'll",
           "you'd": "they'd", "your": "their", "yours": "theirs", "yourself": "themselves",
           "yourselves": "themselves", "object": "them"},
}  # fmt: skip


def _second_person(text):
    """[(kind, match)] for every second-person word; kind is "subject", "object" or the
    word itself (lowercase, straight apostrophe)."""
    found = []
    for match in _SECOND.finditer(text):
        word = match.group().casefold().replace("’", "'")
        if word == "you":
            before = text[: match.start()].rstrip()
            previous = before.rsplit(" ", 1)[-1].casefold() if before else ""
            following = text[match.end() :].split(" ", 2)
            after = following[1].casefold().replace("’", "'") if len(following) > 1 else ""
            subject = (
                not before
                or before[-1] in ',;:—–(“"'
                or previous in _BEFORE_SUBJECT
                or after in _AUXILIARIES
            )
            word = "subject" if subject else "object"
        found.append((word, match))
    return found


def _match_case(word, like):
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def third_person(text, name, first_named=False, all_named=False):
    """`text` with the second person turned into the third person of `name`; with
    `first_named`, the first mention is the name itself ("Beijing", "Beijing’s"), with
    `all_named` every one is."""
    table = _THIRD[name.plural]
    pieces, end = [], 0
    for index, (kind, match) in enumerate(_second_person(text)):
        named = all_named or (first_named and index == 0)
        if named and kind in ("subject", "object", "your", "yours"):
            word = name.possessive if kind in ("your", "yours") else name.text
        else:
            key = {"subject": "you", "object": "object"}.get(kind, kind)
            word = table[key]
        pieces.append(text[end : match.start()])
        pieces.append(_match_case(word, match.group()))
        end = match.end()
    pieces.append(text[end:])
    return "".join(pieces)


def second_person(text, plural):
    """The reverse for an actor named in the third person inside a collapsed ask:
    "persuade Beijing to observe its obligations" → "observe your obligations". Only
    pronouns of the actor's number are changed; a plural one only before any other
    plural noun, which "their" might refer to instead."""
    if not plural:
        return re.sub(
            r"\b(its|itself)\b", lambda m: {"its": "your", "itself": "yourself"}[m.group()], text
        )
    other_plural = re.search(r"\b(?:[a-z]{2,}[^s\W’']s|people|children|women|men)\b", text)
    limit = other_plural.start() if other_plural else len(text)
    head = re.sub(
        r"\b(their|themselves)\b",
        lambda m: {"their": "your", "themselves": "yourselves"}[m.group()],
        text[:limit],
    )
    return head + text[limit:]
