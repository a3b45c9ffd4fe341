"""Agents: who a subject no lexicon knows is, from the shape of its noun phrase.

A demand's grammatical subject is the one asked to act, whether or not the
actors module knows its name. What the phrase is made of says which class it
is:

* Its head, not its modifiers, names the actor: "Any company buying fish
  processed in China" is a company, not China; "The Commissioner responsible
  for trade" is the Commissioner. The head ends where a participle ("buying",
  "processed"), an adjective with its complement ("responsible for"), a
  relative pronoun ("who", "that") or a preposition other than "of" and "from"
  starts; "of" and "from" say whose the head is ("Diplomats from states that
  resettle refugees" are diplomats of states).
* Several states, or anyone of several states ("Diplomats from states",
  "capitals that ...", "all governments", "every government in the region")
  are the international community.
* A capitalised name ("The National Intelligence Service", "Marlow & Finch",
  "The Presidential Office") is someone able to act. Named by the kind of body
  a state acts through (an office, a service, an agency, a ministry, a
  commissioner) and by no country, it is the text's own state ("home"), as a
  bare "the Government" is; any other name is a single other actor.
* A plural agent noun ("Importers", "Buyers", "Investors", "Regulators"), made
  from a verb by -er, -or or -ist, names people who do something, and so can
  be asked to: a single other class of actor. Not the nouns of that shape that
  name things ("numbers", "borders", "factors"). So do the nouns for those
  who lead a body by office rather than by deed ("The bishops of the
  province", "Mayors", "Trustees", "Legislatures").
* What a name only looks like, a law, a day or an event ("The Refugee
  Convention", "Human Rights Day"), acts on nobody's behalf.
"""

from __future__ import annotations

import re

from articles.extraction.actors import AGENT_NOUN_RE, classify_np
from articles.extraction.sentences import word_set

# Where a noun phrase's head (with its "of"/"from" complement) ends
_POST_MODIFIER_RE = re.compile(
    r"\s(?:[a-z]+ing|[a-z]+ed|responsible|able|willing|keen|eager|who|whom|whose|which|that"
    r"|in|at|on|with|by|for|to|near|inside|outside|across|under|over|through|since|after"
    r"|before|during|without|like|as|is|are|was|were)\b"
)
_STATES_RE = re.compile(
    r"\b(?:states|countries|nations|governments|capitals|delegations)\b"
    # "every government in the region": any one of several is all of them
    r"|\b(?:every|each|any)\s+(?:state|country|nation|government|capital|delegation)\b",
    re.IGNORECASE,
)
# Kinds of body a state acts through, named without the state
_STATE_BODY_RE = re.compile(
    r"\b(?:Office|Service|Services|Agency|Ministry|Department|Bureau|Commission|Commissioner"
    r"|Minister|Secretary|Cabinet|Presidency|Police|Guard|Directorate|Administration"
    r"|Inspectorate|Prosecutor|Prosecutors|Intelligence)\b"
)
# Capitalised names that are not someone: laws, days, events, documents
_NOT_SOMEONE_RE = re.compile(
    r"\b(?:Convention|Act|Law|Protocol|Resolution|Report|Day|Week|Games|Olympics|Summit"
    r"|Agreement|Treaty|Charter|Declaration|Covenant|Principles|Strategy|Plan|Programme"
    r"|Program|Review|Process|Framework|Initiative|Year|Bill|Code|Article|Section)$"
)
_NAME_RE = re.compile(
    r"^(?:(?:the|The)\s+)?(?:[A-Z][\w’'.-]*|&)(?:\s+(?:of|for|and|on|the|&|[A-Z][\w’'.-]*))*$"
)
_AGENT_PLURAL_RE = re.compile(r"^(?:(?:the|all|any|many|most|some)\s+)?[a-z]{3,}(?:er|or|ist)s$")
_THING_PLURALS = word_set(
    """
    numbers matters letters orders borders powers papers waters answers others manners
    chapters dangers corners sectors factors errors mirrors colours colors honours honors
    labours labors favours favors behaviours behaviors rumours rumors floors doors centers
    centres members layers filters meters metres liters litres registers quarters headquarters
    containers computers tensions interiors terrors horrors mentors
    """
)
_NUMBER_WORDS = word_set(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousands dozens several many some most all both"
)
_DETERMINER_RE = re.compile(r"^(?:the|any|every|each|all|a|an)\s+", re.IGNORECASE)


def _is_name(words: str) -> bool:
    """A name, not a common noun capitalised to start a sentence ("Letters should ...",
    "Twelve women"): a capital after the first word ("The Commissioner", "Marlow &
    Finch"), or an acronym."""
    first, _, rest = words.strip().partition(" ")
    if first.lower() in _NUMBER_WORDS:
        return False
    return bool(re.search(r"\b[A-Z]", rest)) or bool(re.fullmatch(r"[A-Z]{2,6}", first))


def head_phrase(np: str) -> str:
    """The head of a noun phrase with its "of"/"from" complement: "Any company" of
    "Any company buying whitefish processed in China"."""
    np = np.strip()
    cut = _POST_MODIFIER_RE.search(np, 1)
    return np[: cut.start()].strip(" ,") if cut else np


def agent_class(np: str) -> str | None:
    """The class of an actor a subject names by its shape (see the module notes), or
    None when it names no one able to act; "home" for an unnamed state's office."""
    head = head_phrase(np)
    if not head:
        return None
    named = classify_np(head)
    if named:
        return named
    bare = _DETERMINER_RE.sub("", head)
    if _STATES_RE.search(head) and not _NAME_RE.match(bare):
        return "international_community"  # "Diplomats from states", "all capitals"
    if _NAME_RE.match(head) and _is_name(head):
        if _NOT_SOMEONE_RE.search(head):
            return None
        if _STATE_BODY_RE.search(head) and not re.search(r"&|\b(?:and)\b", head):
            return "home"
        return "other"
    if AGENT_NOUN_RE.search(head):
        return "other"
    if _AGENT_PLURAL_RE.match(head.lower()) and head.split()[-1].lower() not in _THING_PLURALS:
        return "other"
    return None
