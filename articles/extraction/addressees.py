"""Addressees: who a demand is for.

* The subject of the modal, or the object of "urge/call on", names the
  addressee: "Seoul must press Beijing" is for Seoul.
* A pronoun ("it should ...") takes the most recent actor named before, in
  this or the previous paragraph.
* Impersonal necessity with no agent goes to the South Korean government when
  that government is an actor nearby, and to the public otherwise.
* A passive demand goes to the actor in context, not to the people it
  protects.
* A thing or practice as subject ("the repatriations must stop") goes to the
  actor in context; with any other verb it is an evaluation, not a call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.actors import (
    AGENT_NOUN_RE,
    PLURAL_ACTOR_RE,
    PRONOUNS,
    VICTIM_RE,
    classify_np,
)
from articles.extraction.sentences import Doc, word_set
from articles.extraction.triggers import Hit
from articles.extraction.voice import LEGAL_SUBJECT_RE


def recent_actor(doc: Doc, idx: int, plural: bool = False) -> tuple[str | None, bool]:
    """Most recent actor before sentence ``idx``; second item: a victim group is nearer."""
    first_para = max(0, doc.paragraph_of[idx] - 1)
    for j in range(idx - 1, max(-1, idx - 6), -1):
        if doc.paragraph_of[j] < first_para:
            break
        text = doc.sentences[j].text
        if plural and VICTIM_RE.search(text) and not PLURAL_ACTOR_RE.search(text):
            return None, True
        mentions = doc.mentions(j)
        if mentions:
            return mentions[0][1], False
    return None, False


def government_context(doc: Doc, idx: int) -> bool:
    """Is the South Korean government an actor in this or the previous paragraph?"""
    first_para = max(0, doc.paragraph_of[idx] - 1)
    j = idx - 1
    while j >= max(0, idx - 40) and doc.paragraph_of[j] >= first_para:
        if any(a == "south_korea_government" for _p, a in doc.mentions(j)):
            return True
        j -= 1
    return False


_PRACTICE_VERBS = word_set("stop end cease halt change come take prevail go disappear")


@dataclass(frozen=True, slots=True)
class Resolved:
    addressee: str
    adjust: float  # added to the rule's base score
    thing: bool = False  # the subject is a practice, not someone who acts


_RELATIVE_TAIL_RE = re.compile(r"\s+(?:who|whom|whose|which|that)\b.*$", re.IGNORECASE | re.DOTALL)


def resolve(doc: Doc, idx: int, hit: Hit, subject: str | None) -> Resolved | None:
    """Addressee for a hit and a score adjustment; None rejects the hit."""
    if hit.explicit:
        return Resolved(hit.explicit, 0.0)
    if hit.kind in {"necessity", "only_way", "necessity_that"} and not subject:
        return Resolved(
            ("south_korea_government" if government_context(doc, idx) else "public"), -0.05
        )
    if hit.kind == "call_for":
        actor, _ = recent_actor(doc, idx)
        return Resolved((actor or "public"), -0.1)
    if hit.kind == "imperative" and hit.subject == "we":
        return Resolved("public", 0.0)
    if hit.kind == "imperative":
        mentions = doc.mentions(idx)
        if mentions:
            return Resolved(mentions[0][1], -0.05)
        if doc.sentences[idx].text.rstrip().endswith("."):
            return Resolved("public", -0.1)  # an instruction in the body speaks to readers
        # a headline or slogan: aimed at the actor the article is about
        return Resolved((doc.main_actor or "other"), -0.15)
    subj = (subject or "").strip()
    # "defectors who reach South Korea": the head comes before the relative clause
    subj = _RELATIVE_TAIL_RE.sub("", subj) or subj
    subj_l = subj.lower()
    if subj_l in PRONOUNS or subj_l in {"it all"}:
        plural = subj_l in {"they", "these", "those"}
        actor, victims_nearer = recent_actor(doc, idx, plural=plural)
        if victims_nearer:
            if hit.kind == "modal_passive":
                return Resolved((doc.main_actor or "other"), -0.3)
            return None
        if actor:
            return Resolved(actor, -0.08)
        return None  # a pronoun with no actor to refer to: descriptive
    named = classify_np(subj)
    if named:
        if hit.kind == "modal_passive":
            return Resolved(named, -0.15)
        return Resolved(named, 0.0)
    if VICTIM_RE.search(subj):
        if hit.kind == "modal_passive":
            actor, _ = recent_actor(doc, idx)
            return Resolved((actor or doc.main_actor or "other"), -0.25)
        return None  # "defectors must hide": the victims are not being asked
    if LEGAL_SUBJECT_RE.match(subj):
        return None
    if AGENT_NOUN_RE.search(subj):
        return Resolved("other", 0.0)  # "the shipping companies should refuse ..."
    # a thing or a practice: "the repatriations must stop"
    verb = re.match(r"[A-Za-z]+", doc.sentences[idx].text[hit.vp_start :])
    if hit.kind != "modal_passive" and (
        verb is None or verb.group().lower() not in _PRACTICE_VERBS
    ):
        return None  # "the figure should alarm everyone": evaluative, nobody is asked
    actor, _ = recent_actor(doc, idx)
    return Resolved(actor or doc.main_actor or "other", -0.3, thing=True)
