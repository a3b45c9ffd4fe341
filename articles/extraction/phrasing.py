"""Phrasing of asks: the short imperative quoted in a letter to the addressee.

* The verb phrase after the modal (or after "to"), capitalised, without the
  final full stop: "Seoul must act now." -> "Act now".
* Negation comes first: "must not deport them" -> "Do not deport them",
  "must never" -> "Never ...".
* Possessives that point at the addressee become "your": "China should end
  its policy" -> "End your policy"; "press Pyongyang to halt its purges"
  keeps "its".
* A second clause with its own subject is cut off: "..., and they must ...".
* Passive demands become "Ensure that ...": "The detainees must be released"
  -> "Ensure that the detainees are released".
* A bare "this policy" is named from earlier in the text.
"""

from __future__ import annotations

import re

from articles.extraction.actors import PLURAL_ACTOR_RE, PUBLIC_RE, find_actors
from articles.extraction.clauses import CONNECTIVES_RE
from articles.extraction.triggers import DETERMINERS, WINDOW, Hit
from articles.extraction.voice import INVERTED_ATTRIBUTION_RE as _INVERTED_ATTRIBUTION_RE

_TRAILING_PUNCT_RE = re.compile(r"[\s.!;:,]+$")
_WS_RE = re.compile(r"\s+")
_NEXT_CLAUSE_RE = re.compile(
    r"[,;]?\s+(?:and|but|while|whereas)\s+(?:[\w.’'-]+\s+){1,5}?"
    r"(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|cannot|could|can|will|would)\b"
    # "..., and has published a guide": the subject's own other doing
    r"|,?\s+and\s+(?:has|have|had|is|are|was|were|will|would)\b"
)
# The end of the quotation an ask was taken from: '... use it," said Jane Doe'
_CLOSING_QUOTE_RE = re.compile(r"[”\"]")
_FINAL_ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}(?=[\s.!]*$)")
_LEADING_ADVERB_RE = re.compile(r"^(?:also|therefore|thus|then|still|too|now)\s+", re.I)
_NK_RE = re.compile(r"\bN\.K\.(?=\s+[a-z])")
_SK_RE = re.compile(r"\bS\.K\.(?=\s+[a-z])")
_THIRD_PARTY_PRONOUN_RE = re.compile(r"\b(?:they|them|he|she|him)\b", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"\b(?:its|itself|their|themselves)\b")
_SWAP_SINGULAR_RE = re.compile(r"\b(?:its|itself)\b")
_SWAP_PLURAL_RE = re.compile(r"\b(?:their|themselves)\b")
_SWAPS = {"its": "your", "itself": "yourself", "their": "your", "themselves": "yourselves"}
_PLURAL_NOUN_RE = re.compile(r"\b(?:[a-z]{3,}[^s\W]s|children|people|women|men|families)\b")


def make_ask(sentence: str, hit: Hit, addressee: str, subject: str | None) -> str:
    vp = _WS_RE.sub(" ", sentence[hit.vp_start :]).strip()
    # trailing punctuation, keeping a closing quote that belongs to a quoted phrase
    # a dotted abbreviation at the very end loses its dots: "at the U.N." -> "at the UN"
    vp = _FINAL_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), vp)
    while vp and vp[-1] in ".!?;:, ":
        vp = vp[:-1]
    if vp.endswith(("”", '"', "’")) and len(vp) > 1 and vp[-2] in ".!,":
        vp = vp[:-2] + vp[-1]
    if vp.endswith(("”", '"')) and vp.count('"') + vp.count("“") < 2:
        vp = vp[:-1].rstrip(".!,;: ")  # the end of a quotation the ask stands in
    vp = _LEADING_ADVERB_RE.sub("", vp)
    vp = _cut_at_quote_end(vp)
    vp = _INVERTED_ATTRIBUTION_RE.sub("", vp)  # "..., said Kim Ha-na, a lawmaker"
    # "...: the United States has admitted ...", "...; organisers will provide ...": what
    # follows a colon or semicolon is another clause
    head = re.split(r"\s*[;:]\s+", vp, maxsplit=1)[0]
    if len(head.split()) >= 2:
        vp = head
    # "..., and they must ...": a second clause with its own subject is not part of the ask
    vp = _NEXT_CLAUSE_RE.split(vp, maxsplit=1)[0].rstrip(" ,")
    # "stop X and must guarantee Y" -> "stop X and guarantee Y"
    vp = re.sub(r"\s+and\s+(?:must|should|shall)\s+(?:also\s+)?", " and ", vp)
    if hit.kind == "urge":
        # "urges China to halt X and to allow Y" -> "Halt X and allow Y"
        vp = re.sub(r"(,?\s+and|,)\s+to\s+(?=[a-z])", r"\1 ", vp)
    if hit.past:
        first, _, rest = vp.partition(" ")
        vp = (_base_form(first) + " " + rest).strip()
    vp = _NK_RE.sub("North Korean", vp)
    vp = _SK_RE.sub("South Korean", vp)
    if addressee != "other" and (subject or "").lower() not in {"we", "us"}:
        vp = _second_person(vp, subject or "", addressee)
    if hit.negation == "never":
        vp = "never " + vp
    elif hit.negation == "no longer":
        vp = "no longer " + vp
    elif hit.negation == "not":
        vp = "do not " + vp
    if hit.kind in {"modal_passive", "necessity_that", "demand_passive"}:
        vp = "ensure that " + _passive_clause(sentence, hit)
    elif hit.kind == "call_for":
        vp = "work for " + vp
    return vp[:1].upper() + vp[1:] if vp else vp


# "... put an end to your merciless policy": an ask that ends on a bare
# "policy"/"practice" names no policy. Earlier in the text the editorial has
# usually said which one ("its policy of cracking down on defectors").
_VAGUE_POLICY_RE = re.compile(
    r"\b(?:your|its|their|this|that|the)\s+(?:[\w-]+\s+){0,2}?(policy|practice)$"
)
# The policy's name keeps a "by ...ing" clause that says how it works
# ("cracking down on defectors by forcing their repatriation").
_POLICY_OF_RE = re.compile(
    r"\b(policy|practice)\s+of\s+([a-z]+ing\b[^.,;:()!?“”\"]{3,80}?"
    r"(?:\s+by\s+[a-z]+ing\b[^.,;:()!?“”\"]{3,60}?)?)"
    r"(?=\s+(?:by|based|because|through|so|which|that|when|while|as|since|for\s+fear)\b"
    r"|[.,;:()!?“”\"]|$)"
)


def name_the_policy(ask: str, context: str) -> str:
    """Complete a bare "your policy" from the nearest "policy of ..." before it."""
    vague = _VAGUE_POLICY_RE.search(ask)
    if not vague:
        return ask
    named = [m for m in _POLICY_OF_RE.finditer(context) if m.group(1) == vague.group(1)]
    if not named:
        return ask
    return f"{ask} of {_WS_RE.sub(' ', named[-1].group(2)).strip()}"


_IRREGULAR_PAST = {
    "gave": "give", "took": "take", "made": "make", "began": "begin", "came": "come",
    "did": "do", "went": "go", "stood": "stand", "spoke": "speak", "wrote": "write",
    "chose": "choose", "held": "hold", "kept": "keep", "brought": "bring", "sent": "send",
    "told": "tell", "put": "put", "let": "let", "set": "set", "got": "get", "saw": "see",
    "found": "find", "knew": "know", "paid": "pay", "sought": "seek", "thought": "think",
    "were": "be", "was": "be", "had": "have", "rose": "rise", "broke": "break",
}  # fmt: skip
_E_STEMS = re.compile(
    r"(?:[^aeiou][aeiou][cgsvz]|iz|is|at|ur|ag|ng|uc|ud|os|ar|ir|iv|ov|ac|rg|dg|as|rs|ls|rc"
    r"|nc|ns|aus|e)$"
)


def _base_form(verb: str) -> str:
    """'abandoned' -> 'abandon', 'stopped' -> 'stop', 'realized' -> 'realize'."""
    v = verb.lower()
    if v in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[v]
    if not v.endswith("ed") or len(v) < 4:
        return verb
    if v.endswith("ied"):
        return verb[:-3] + "y"
    stem = verb[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # stopped, planned
    if _E_STEMS.search(stem.lower()):
        return stem + "e"  # realized, abated, urged, placed
    return stem


def _third_person(verb: str) -> str:
    v = verb.lower()
    if v == "be":
        return "is"
    if v == "have":
        return "has"
    if re.search(r"(?:s|sh|ch|x|z|o)$", v):
        return verb + "es"
    if re.search(r"[^aeiou]y$", v):
        return verb[:-1] + "ies"
    return verb + "s"


def ensure_clause(sentence: str, hit: Hit, subject: str) -> str:
    """'Human rights should come first' -> 'Ensure that human rights come first'."""
    vp = _TRAILING_PUNCT_RE.sub("", re.sub(r"\s+", " ", sentence[hit.vp_start :]).strip())
    subject = re.sub(r"\s+", " ", subject)
    subj = subject[:1].lower() + subject[1:] if subject[1:2].islower() else subject
    head = re.split(r"\s+(?:who|which|that|whose)\b", subj.lower())[0].split()
    last = head[-1] if head else ""
    plural = bool(re.search(r"s$|\band\b", " ".join(head))) or bool(_PLURAL_NOUN_RE.fullmatch(last))
    if plural and vp.startswith("be "):
        vp = "are " + vp[3:]  # "those words are matched", not "be matched"
    if hit.negation:
        aux = "do" if plural else "does"
        verb_phrase = f"{aux} not {vp}" if hit.negation != "never" else f"never {vp}"
    elif plural:
        verb_phrase = vp
    else:
        first, _, rest = vp.partition(" ")
        verb_phrase = (_third_person(first) + (" " + rest if rest else "")).strip()
    return f"Ensure that {subj} {verb_phrase}"


def _passive_clause(sentence: str, hit: Hit) -> str:
    """'Defectors must be protected' -> 'defectors are protected'."""
    if hit.kind in {"necessity_that", "demand_passive"}:
        clause = sentence[hit.vp_start :]
    else:
        subj = (hit.subject or "").strip()
        subj = CONNECTIVES_RE.sub("", re.split(r"[,:]", subj)[-1]).strip(" \"“”'‘")
        rest = sentence[hit.vp_start :]
        rest = re.sub(r"^be\s+", "", rest)
        # the head noun, before any relative clause: "Women who escaped ... are"
        head = re.split(r"\s+(?:who|which|that|whose)\b", subj)[0].split()
        last = head[-1].lower() if head else ""
        plural = bool(_PLURAL_NOUN_RE.fullmatch(last)) or last in {"they", "these", "those"}
        if last == "there":  # "there must be no more returns": the noun after says how many
            plural = bool(re.match(r"no\s+(?:more|further)\s+(?:[\w-]+\s+)?[\w-]+s\b", rest))
        neg = " not" if hit.negation in {"not", "never", "no longer"} else ""
        clause = f"{subj} {'are' if plural else 'is'}{neg} {rest}"
    before = sentence[: hit.vp_start]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        clause = _cut_at_quote_end(clause)  # '"... must be protected," said X'
    clause = _TRAILING_PUNCT_RE.sub("", re.sub(r"\s+", " ", clause).strip())
    words = clause.split(" ", 2)
    first = words[0]
    # "The detainees", "Women who fled": capitalised only as the sentence's first word
    common = (
        len(words) > 1
        and words[1][:1].islower()
        and not find_actors(first)
        and sentence.lstrip(" \"“'‘").startswith(first)
    )
    if first.lower() in DETERMINERS or common:
        clause = clause[:1].lower() + clause[1:]
    return clause


def _cut_at_quote_end(vp: str) -> str:
    """Cut an ask at the end of the quotation it was taken from."""
    for m in _CLOSING_QUOTE_RE.finditer(vp):
        before = vp[: m.start()]
        opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        if m.group() == '"' and not opened and (not before or before[-1].isspace()):
            return vp  # a straight quote after a space opens a quotation ('the "Mailbox"')
        if not opened:
            return before.rstrip(" ,.!?")
    return vp


def _second_person(vp: str, subject: str, addressee: str) -> str:
    """Turn possessives that refer to the addressee into 'your'."""
    if not _POSSESSIVE_RE.search(vp):
        return vp
    plural_subject = (
        bool(PLURAL_ACTOR_RE.search(subject))
        or subject.lower() in {"they"}
        or (addressee == "public" and bool(PUBLIC_RE.search(subject)))
    )

    # Only pronouns before the first other actor or third-party pronoun refer to
    # the addressee: "press Pyongyang to halt its ..." keeps "its".
    scan = vp[:WINDOW]
    stops = [m[0] for m in find_actors(scan)[:1]]
    third = _THIRD_PARTY_PRONOUN_RE.search(scan)
    if third:
        stops.append(third.start())
    limit = min(stops, default=len(scan))
    vp = _SWAP_SINGULAR_RE.sub(lambda m: _SWAPS[m.group()], vp[:limit]) + vp[limit:]
    if plural_subject:
        # "their" may also point at a plural noun named after the verb:
        # "allow the children to stay with their mothers" keeps "their".
        plural = _PLURAL_NOUN_RE.search(scan, scan.find(" ") + 1 if " " in scan else len(scan))
        if plural:
            limit = min(limit, plural.start())
        vp = _SWAP_PLURAL_RE.sub(lambda m: _SWAPS[m.group()], vp[:limit]) + vp[limit:]
    return vp
