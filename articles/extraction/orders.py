"""Orders: who an imperative is said to.

* An imperative speaks to "you". A headline's topic is whom its order is for
  ("China: Stop returns of those caught in the sweep, experts say"), and so is
  a thread post's ("5/ Laos: stop handing people over.").
* In a list it is for whoever the list's introducer names ("We recommend that
  the Government of China: - End ..."); in a letter, for the person saluted;
  after a speaker's turn ("To the United Nations: ..."), for the one turned
  to; with a vocative ("..., Beijing", "Beijing, release them"), for the one
  called.
* Signing, sharing, adding one's name are the reader's to do, whoever a letter
  around them is to.
* "If you are a diplomat in this room, please ..." picks out who by the
  condition; "Let us ..." in "this House" is the parliament.
* "Let X do ...", X an actor able to act, is a wish put to X: "Let the
  Security Council hear from the women" asks the Council. Not when "let"
  gives leave ("let UNHCR see them", asked of whoever holds them), tells ("let
  Beijing know") or forbids ("do not let Beijing decide ...", the reader's).
* "Your detention centres" belong to whoever the text shows detaining people;
  an order to stop a conduct no reader can ("Stop returning people") is for
  whoever the text shows doing it.
* Otherwise an instruction in the body speaks to the reader ("Sign the
  petition."), and so does a headline's "please" ("Please do not look away");
  a headline or slogan to whoever does what it asks to stop.
"""

from __future__ import annotations

import re

from articles.extraction.actors import VICTIM_RE, classify_np, find_actors
from articles.extraction.addressees import (
    READER_ASK_RE,
    Resolved,
    lead_in_addressee,
)
from articles.extraction.doers import STOP_CONDUCT_RE, perpetrator
from articles.extraction.offices import STATE_CLASSES
from articles.extraction.sentences import Doc, word_set
from articles.extraction.triggers import Hit
from articles.extraction.turns import TOPIC_ORDER_RE, named_or_head_of_state

_POST_COUNTER_RE = re.compile(r"\d{1,2}/(?:\d{1,3})?\s+")
_PLEASE_RE = re.compile(r"\bplease\s+(?:do\s+not\s+|don[’']t\s+|never\s+)?$", re.IGNORECASE)
_VOCATIVE_RE = re.compile(r",\s+(?P<np>[^,]{2,60}?)\s*[.!]*\s*$")
# Only readers sign or share a petition, whoever a letter around it is to
_PETITION_ASK_RE = re.compile(
    r"(?:sign|share)\s+(?:(?:and\s+share|and\s+sign)\s+)?(?:this|our|the)\s+petition\b"
    r"|sign\s+and\s+share\b|share\s+and\s+sign\b"
    # adding one's name is signing: "If you are a member ..., please add your name below"
    r"|add\s+your\s+(?:own\s+)?name\b",
    re.IGNORECASE,
)
# Someone called by name or title right before an order: "Mr. President, please ..."
_CALLED_RE = re.compile(
    r"(?:^|[:;—–]\s*)(?P<np>(?:Mr\.?|Madam|Madame|Mrs\.?|Ms\.?|President|Prime\s+Minister"
    r"|Minister|Ambassador|Secretary|High\s+Commissioner)[^,:;]{0,40}),\s*(?:please\s+)?$"
)


_NAME_CALLED_RE = re.compile(
    r"(?P<np>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3}),\s*(?:please\s+)?$"
)


_IF_YOU_ARE_RE = re.compile(
    r"^(?:(?:and|but|so)\s+)?if\s+you\s+(?:are|work\s+(?:for|in|at)|represent|serve\s+(?:in|on)"
    r"|sit\s+(?:in|on))\s+(?P<role>[^,]{2,80}),",
    re.IGNORECASE,
)
_THIS_BODY_RE = re.compile(
    r"\b(?:this|our)\s+(House|Chamber|Parliament|Assembly|Senate|Council)\b", re.IGNORECASE
)
_YOUR_CONDUCT_RE = re.compile(
    r"\byour\s+(?:own\s+)?(?:detention\s+(?:centres?|centers?|facilities)|prison\s+camps?"
    r"|labou?r\s+camps?|camps|prisons|jails|cells|custody|border\s+guards|police)\b",
    re.IGNORECASE,
)


_JUSSIVE_RE = re.compile(
    r"[Ll]et\s+(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]*){0,4})"
    r"\s+(?P<verb>[a-z]+)\b"
)
# Verbs after "let X" that give leave rather than wish X to act
_LEAVE_VERBS = word_set(
    """
    see meet visit enter in into access reach know go leave stay travel talk speak
    interview return come pass through out
    """
)


def _role_addressee(role: str) -> str | None:
    """Whom "if you are <role>" picks out: "a diplomat in this room", "a member of
    parliament", "an official of the Chinese government"."""
    named = classify_np(role)
    if named and named != "public":
        return named
    if re.search(r"\b(?:diplomats?|delegates?|delegations?|envoys?)\b", role, re.IGNORECASE):
        return "international_community"
    if re.search(r"\b(?:MPs?|member\s+of\s+parliament|lawmakers?|legislators?)\b", role, re.I):
        return "home"
    return None


def order_addressee(doc: Doc, idx: int, hit: Hit) -> Resolved:
    """Who "you" is in an imperative (see the module notes)."""
    text = doc.sentences[idx].text
    layout = doc.layout
    if idx in layout.lead_in:
        addressee = lead_in_addressee(doc, layout.lead_in[idx])
        if addressee:
            return Resolved(addressee, 0.0, doubt="list")
    # "China: Stop returns of the people caught in the sweep": a headline's topic is the
    # one its order is put to
    # so is a thread post's: "4/ North Korea: release everyone held for leaving."
    counter = _POST_COUNTER_RE.match(text)
    topic = TOPIC_ORDER_RE.match(text, counter.end() if counter else 0)
    if topic and topic.end() == hit.vp_start and (counter or idx < layout.header_end + 1):
        named = classify_np(topic.group("np"))
        if named in STATE_CLASSES or named == "international_community":
            return Resolved(named, -0.05, doubt="you")
    if _PETITION_ASK_RE.match(text, hit.vp_start):
        return Resolved("public", 0.0)  # "Please sign this petition": in a letter or not
    if layout.address_of.get(idx):  # "To the United Nations: ... Make China keep it."
        return Resolved(layout.address_of[idx], -0.05, doubt="you")
    if layout.letter_of.get(idx):
        return Resolved(layout.letter_of[idx], 0.0, doubt="you")
    # "...: Mr. President, please say their names": the one called, just before the order
    called = _CALLED_RE.search(text, 0, hit.vp_start) or _NAME_CALLED_RE.match(
        text, 0, hit.vp_start
    )
    if called and called.end() >= hit.vp_start - 1:
        # "Beijing, release them now.": a state or office called by name, too
        named = named_or_head_of_state(called.group("np"))
        if named and named != "public":
            return Resolved(named, -0.05, doubt="you")
    headline = idx < layout.header_end and not text.rstrip().endswith(".")
    if READER_ASK_RE.match(text, hit.vp_start):
        return Resolved("public", 0.0, headline=headline)  # "TAKE ACTION", "Act now"
    if layout.addressed_to and not hit.explicit and hit.subject != "we":
        # a petition's "Do not hand them over": for whom it is addressed to
        return Resolved(layout.addressed_to, -0.1, doubt="you")
    # "If you are a diplomat in this room, please raise ...": the condition says who
    role = _IF_YOU_ARE_RE.match(text)
    if role:
        named = _role_addressee(role.group("role"))
        if named:
            return Resolved(named, -0.1, doubt="you")
    # "Let us send a message from this House": the body the speaker addresses acts
    if hit.subject == "we":
        body = _THIS_BODY_RE.search(text)
        if body:
            council = body.group(1).lower() == "council"
            return Resolved(
                "international_community" if council else doc.home("home"), -0.1, doubt="context"
            )
    # "Let the women in your detention centres go": "your" owns what the text shows
    # someone else doing (holding people), so "you" is that someone
    yours = _YOUR_CONDUCT_RE.search(text, hit.vp_start)
    if yours and not hit.explicit:
        doer = perpetrator(doc, yours.group())
        if doer and doer != "public":
            return Resolved(doer, -0.15, doubt="inferred")
    # "Let the Security Council hear from the women": a wish that someone able to act
    # do so is asked of them; not "let UNHCR see them" (leave, asked of the one holding
    # them) nor "let Beijing know" (telling it); "do not let X ..." asks to stop X
    jussive = None if hit.negation else _JUSSIVE_RE.match(text, hit.vp_start)
    if jussive and not hit.explicit and jussive.group("verb").lower() not in _LEAVE_VERBS:
        named = classify_np(jussive.group("np"))
        if named and named != "public" and not VICTIM_RE.search(jussive.group("np")):
            return Resolved(named, -0.1, doubt="let")
    if hit.explicit or hit.subject == "we":
        # "Press Beijing to ...": the reader is asked, unless the body says who
        return Resolved(hit.explicit or "public", 0.0, headline=headline)
    vocative = _VOCATIVE_RE.search(text)
    if vocative:
        named = classify_np(vocative.group("np"))
        if named and named != "public" and find_actors(vocative.group("np"))[0][0] == 0:
            return Resolved(named, -0.05, doubt="you")
    stop = STOP_CONDUCT_RE.match(text, hit.vp_start)
    doer = perpetrator(doc, text[hit.vp_start :]) if stop else None
    if doer and doer != "public":
        # "Stop returning people who ...": no reader returns anyone; the one the text
        # shows doing it is told to stop
        return Resolved(doer, -0.15, doubt="inferred")
    if text.rstrip().endswith(".") or _PLEASE_RE.search(text, 0, hit.vp_start):
        # an instruction in the body speaks to readers; so does a headline's "please",
        # said to whoever is reading ("My brother was sent back. Please do not look away")
        return Resolved("public", -0.1, doubt="you")
    # a headline or slogan: aimed at whoever does what it asks to stop
    actor = perpetrator(doc, text[hit.vp_start :]) or "other"
    return Resolved(actor, -0.15, headline=True, doubt="inferred")
