"""Addressees: who a demand is for.

* The subject of the modal, or the object of "urge/call on", names the
  addressee: "Seoul must press Beijing" is for Seoul.
* A pronoun ("it should ...") takes the actor of an earlier clause of its
  sentence (its subject, whatever its name: "Trade officials are not used to
  it; they should learn"), else the subject of the sentences before ("Seoul would do well to
  ... It should appoint ... It should offer ..."), else the actor they name.
  So does a body "its" or "their" names ("The Assembly has been silent. Its
  foreign affairs committee would do well to ..."): the body is the owner's.
* "The government", "our government", "lawmakers" are the government of the
  country the text comes from (see the layout module).
* Impersonal necessity with no agent goes to the South Korean government when
  that government is an actor nearby, and to the public otherwise.
* A passive demand goes to the actor in context, not to the people it
  protects.
* A thing or practice as subject ("the repatriations must stop") goes to the
  actor in context; with any other verb it is an evaluation, not a call.
* An imperative's addressee is in :mod:`.orders`.
* "X could ..." is a recommendation only to a state or body that can act.
* Someone urged who is no known actor ("we urge Velora to ...") is "other";
  a subject no lexicon knows is classed by the shape of its noun phrase
  (:mod:`.agents`): "Importers should not wait", "Any firm buying fish
  processed in China should ..." (a firm: other, not China), "The Settlement
  Support Service should ..." (an office of the text's own state).
* A newspaper's name in the header ("THE HANGANG HERALD") says nothing of
  where the text comes from (see the layout module).
* A demand with no agent (a headline "Stop the deportations", a passive
  "The detainees must be released") is for the actor whose conduct must
  change: the one the text shows doing what the demand is about (returning,
  detaining, punishing people), not the one most often named (see
  :mod:`.doers`).
* A bare office repeats the last one named: "the authorities" after "the
  Chinese authorities", "the ministry" after "the Unification Ministry" or its
  minister. A list's "calling on him to:" is for whom the reader writes to
  ("Write to the Director of the Provincial Public Security Department ..."),
  known by the shape of the name (:mod:`.agents`). A
  text with no country of its own (a UN or an organisation's statement about
  China) writes "the Government" for the state it is about, so with no office
  named before, a bare "Government" (capitalised, as such texts write it) or
  "the authorities" is the last state it named ("UN experts today urged China
  to ... 'The Government must ...'"). A national parliament's motion ("That
  this House ...") only ever means its own government by "the Government";
  other states' it names in full ("the Government of the People's Republic of
  China").
* "Let X do ...", X an actor able to act, is a wish put to X: "Let the
  Security Council hear from the women" asks the Council. Not when "let"
  gives leave ("let UNHCR see them", asked of whoever holds them), tells ("let
  Beijing know") or forbids ("do not let Beijing decide ...", the reader's).
* Who "you" is: the person a letter greets, the one a speaker turns to ("But I
  say to Pyongyang as well: ... you must stop"), the addressee in a petition's
  header ("To: ..."), the one an if-clause picks out ("If you are a diplomat
  in this room, please ..."); "let us" in "this House" is the parliament;
  "your detention centres" belong to whoever the text shows detaining people.
* One reminded of a duty is asked to keep it: "The experts reminded the
  authorities of the DPRK that those returned must not be punished".
* A person acted on ("he should be released at once") is asked of whoever
  holds them: in a letter, the one it is written to.
* An order in the body to stop a conduct no reader can ("Stop returning people
  who only want to pass") is for whoever the text shows doing it; a passive
  about victims in a letter ("Children born here should be registered") is
  for whom the letter is written to.
* Victims spared by a negated demand ("Trafficked women must not pay the price
  ...") and promises to be kept ("It is time for those words to be matched")
  are asked of whoever harms them or made the promises.
* A necessity whose clause is a conduct ("It is high time the deportations
  stopped") is asked of whoever the text shows doing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.actors import (
    AGENT_NOUN_RE,
    COLLECTIVE_RE,
    PLURAL_ACTOR_RE,
    PRONOUNS,
    PUBLIC_RE,
    VICTIM_RE,
    classify_np,
    find_actors,
)
from articles.extraction.agents import agent_class, head_phrase
from articles.extraction.doers import (
    CHANGE_RE,
    CONDUCT_RE,
    perpetrator,
    targets,
)
from articles.extraction.offices import (
    BARE_OFFICE_RE,
    most_named_state,
    office_named_before,
)
from articles.extraction.sentences import Doc, word_set
from articles.extraction.triggers import Hit, is_participle
from articles.extraction.turns import (
    REMINDED_RE,
    WRITTEN_TO_RE,
    diplomat_of,
)
from articles.extraction.voice import LEGAL_SUBJECT_RE, leading_subject


def recent_actor(
    doc: Doc, idx: int, plural: bool = False, before: int | None = None
) -> tuple[str | None, bool]:
    """The actor a pronoun in sentence ``idx`` stands for; second item: a victim group
    is nearer.

    An earlier clause of the same sentence comes first ("The UK has a voice, and it
    should use it"); then the sentences before, where the one they are about, their
    subject, counts over others they name, and a pronoun subject passes the question
    on ("Seoul would do well to ... It should appoint ... It should offer ...").
    """
    if before is not None:
        same = [a for pos, a in doc.mentions(idx) if pos < before]
        if same:
            return same[0], False
    first_para = max(0, doc.paragraph_of[idx] - 1)
    for j in range(idx - 1, max(-1, idx - 6), -1):
        if doc.paragraph_of[j] < first_para:
            break
        text = doc.sentences[j].text
        if plural and VICTIM_RE.search(text) and not PLURAL_ACTOR_RE.search(text):
            return None, True
        subject = leading_subject(text)
        if subject.lower() in PRONOUNS:
            continue
        if _people_head(subject):
            return "public", False  # "Protesters outside the consulate ... They should ..."
        named = classify_np(subject) if subject else None
        if named and named != "public":
            return doc.home(named), False
        mentions = doc.mentions(j)
        if mentions:
            return mentions[0][1], False
    return None, False


# Where a noun phrase's head ends: "Protesters | outside the Chinese consulate"
_HEAD_END_RE = re.compile(
    r"\s(?:outside|inside|in|at|of|from|near|with|on|by|for|who|which|that|whose)\b",
    re.IGNORECASE,
)
_SPEAKERS_OWN_RE = re.compile(r"^(?:we|us|our|you|your|i|my)\b", re.IGNORECASE)


def _people_head(subject: str) -> bool:
    """Whether a subject is members of the public by its head noun, whatever its
    modifiers name: "Protesters outside the Chinese consulate", "Readers in Seoul"."""
    cut = _HEAD_END_RE.search(subject)
    head = subject[: cut.start()] if cut else subject
    return bool(
        head.strip()
        and PUBLIC_RE.search(head)
        and not _SPEAKERS_OWN_RE.match(head.strip())
        and not find_actors(head)
    )


def government_context(doc: Doc, idx: int) -> bool:
    """Is the South Korean government an actor in this or the previous paragraph?"""
    first_para = max(0, doc.paragraph_of[idx] - 1)
    j = idx - 1
    while j >= max(0, idx - 40) and doc.paragraph_of[j] >= first_para:
        if any(a == "south_korea_government" for _p, a in doc.mentions(j)):
            return True
        j -= 1
    return False


# What a list's introducer names as the list's addressee: "We recommend that
# the Government of China:", "Write to the minister urging him to:", "To the
# authorities of the Republic of Korea:".
_LEAD_TARGET_RE = re.compile(
    r"(?:\b(?:recommends?(?:\s+that)?|urg(?:e|es|ing)|ask(?:s|ing)?|call(?:s|ing)?\s+(?:on|upon)"
    r"|request(?:s|ing)?|tell(?:s|ing)?|appeal(?:s|ing)?\s+to|demand(?:s|ing)?\s+that"
    r"|press(?:es|ing)?|remind(?:s|ing)?)|^(?:To|For))\s+(?P<np>[^:]{1,120}?)\s*(?:\bto\b)?\s*:\s*$",
    re.IGNORECASE,
)
_OBJECT_PRONOUN_RE = re.compile(r"^(?:him|her|them|it)$", re.IGNORECASE)
_RECOMMENDATIONS_TO_RE = re.compile(
    r"\b(?:recommendations|requests|demands|asks|appeal|message)\s+(?:to|for)\s+(?P<np>[^:]{2,80}?)"
    r"\s+(?:are|is|include)\b[^:]{0,40}:\s*$",
    re.IGNORECASE,
)
_LEAD_MODAL_RE = re.compile(
    r"\s(?:should|must|shall|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s*(?:now\s+)?:\s*$",
    re.IGNORECASE,
)


def lead_in_addressee(doc: Doc, lead: int) -> str | None:
    """Whom a list's introducer (sentence ``lead``) addresses the list to.

    The innermost demand counts: in "The organisations recommend that States urge
    the Government of China to:" the items are what China is to do. "You" is whom
    the letter or the speech is addressed to.
    """
    text = doc.sentences[lead].text.strip()
    m = None
    pos = 0
    while (found := _LEAD_TARGET_RE.search(text, pos)) is not None:
        m, pos = found, found.start("np")
    if not m:
        # "My recommendations to the international community are as follows:"
        to = _RECOMMENDATIONS_TO_RE.search(text)
        if to:
            named = classify_np(to.group("np"))
            if named:
                return named
        # "The Japanese Government should:", "Ministers must:": the modal's subject
        modal = _LEAD_MODAL_RE.search(text)
        if modal:
            subject = leading_subject(text[: modal.start()] + " should")
            named = classify_np(subject) if subject else None
            if named:
                return named
        return "public" if PUBLIC_RE.search(text) else None
    np = m.group("np")
    if _YOU_RE.match(np.lower()):
        return doc.layout.letter_of.get(lead) or doc.layout.address_of.get(lead) or "public"
    named = None if _OBJECT_PRONOUN_RE.match(np) else classify_np(np)
    if named == "home" and BARE_OFFICE_RE.match(np.strip()):
        # "calling on the authorities to:": whose, the text around says
        return office_named_before(doc, lead, np) or named
    if named:
        return named
    # "urging him", "Ask the ambassador": named before, in this sentence or the last
    earlier = [a for pos, a in doc.mentions(lead) if pos < m.start("np")]
    if earlier:
        return earlier[-1]
    # "Write to the Director of the Jilin Provincial Public Security Department calling
    # on him to:": whom the reader writes to, known by the shape of the name
    written = WRITTEN_TO_RE.search(text, 0, m.start("np"))
    general = agent_class(written.group("np")) if written else None
    if general == "home":
        return doc.layout.home if doc.layout.home_stated else most_named_state(doc)
    if general:
        return general
    for j in range(lead - 1, max(-1, lead - 3), -1):
        if doc.mentions(j):
            return doc.mentions(j)[0][1]
    return None


_PRACTICE_VERBS = word_set("stop end cease halt change come take prevail go disappear")


@dataclass(frozen=True, slots=True)
class Resolved:
    addressee: str
    adjust: float  # added to the rule's base score
    thing: bool = False  # the subject is a practice, not someone who acts
    headline: bool = False  # an agentless headline or slogan, for whoever must change
    # why the addressee is not simply the actor the demand names ("pronoun", "you",
    # "list", "inferred", ...); None when it is: such calls may score as confident
    doubt: str | None = None


# "A country with that history", "A government whose constitution ...": described
_A_STATE_RE = re.compile(
    r"^(?:a|any)\s+(?:government|state|country|nation|democracy)\s+(?:with|whose|that|which|like)\s",
    re.IGNORECASE,
)
_RELATIVE_TAIL_RE = re.compile(r"\s+(?:who|whom|whose|which|that)\b.*$", re.IGNORECASE | re.DOTALL)


def resolve(doc: Doc, idx: int, hit: Hit, subject: str | None) -> Resolved | None:
    """Addressee for a hit and a score adjustment; None rejects the hit."""
    if hit.explicit:
        return Resolved(hit.explicit, 0.0)
    if hit.kind == "demand_passive":  # "We ask that the children be registered"
        letter = doc.layout.address_of.get(idx) or doc.layout.letter_of.get(idx)
        if letter:
            return Resolved(letter, 0.0, doubt="you")
        return Resolved(_agent_of(doc, idx, hit), -0.15, doubt="inferred")
    if hit.kind in {"necessity", "only_way", "necessity_that"} and not subject:
        clause = doc.sentences[idx].text[hit.vp_start :]
        if hit.kind == "necessity_that" and any(p.search(clause) for p in CONDUCT_RE.values()):
            # "It is high time the returns stopped": a conduct that must change is the
            # doer's to change
            actor = perpetrator(doc, clause)
            if actor and actor != "public":
                return Resolved(actor, -0.1, doubt="inferred")
        return Resolved(
            ("south_korea_government" if government_context(doc, idx) else "public"),
            -0.05,
            doubt="agentless",
        )
    if hit.kind == "call_for":
        # "call for an immediate halt to the returns", "for the release of the
        # detainees": an end to someone's conduct is asked of the one who does it
        text = doc.sentences[idx].text
        if CHANGE_RE.search(text, hit.vp_start) and any(
            pattern.search(text) for pattern in CONDUCT_RE.values()
        ):
            actor = perpetrator(doc, text[hit.vp_start :] + " " + text)
            if actor:
                return Resolved(actor, -0.1, doubt="inferred")
        actor, _ = recent_actor(doc, idx)
        return Resolved((actor or "public"), -0.1, doubt="context")
    subj = (subject or "").strip()
    reminded = REMINDED_RE.search(doc.sentences[idx].text, 0, hit.vp_start)
    named = classify_np(reminded.group("np")) if reminded else None
    if named and named != "public" and hit.kind in {"modal", "modal_passive"}:
        # "The experts reminded the authorities of the DPRK that those returned must not
        # be punished": the one reminded of a duty is the one asked to keep it
        return Resolved(doc.home(named), -0.05)
    if hit.kind == "could":
        return _recommended_to(doc, idx, hit, subj)
    if hit.kind == "can":
        return _invited(doc, idx, subj)
    # "defectors who reach South Korea": the head comes before the relative clause
    described = subj
    subj = _RELATIVE_TAIL_RE.sub("", subj) or subj
    subj_l = subj.lower()
    if _A_STATE_RE.match(described) and hit.kind != "modal_passive":
        # "A government whose constitution calls them its nationals cannot be silent":
        # the state the text was just speaking of, described by what it is
        actor, _ = recent_actor(doc, idx)
        if actor and actor != "public":
            return Resolved(actor, -0.12, doubt="context")
    you = doc.layout.address_of.get(idx) or doc.layout.letter_of.get(idx)
    if you and _YOU_RE.match(subj_l):
        return Resolved(you, 0.0, doubt="you")  # "We ask you to ...", in a letter to someone
    petitioned = doc.layout.addressed_to
    if (
        petitioned
        and _YOU_RE.match(subj_l)
        and not READER_ASK_RE.match(doc.sentences[idx].text, hit.vp_start)
    ):
        return Resolved(petitioned, -0.05, doubt="you")  # "you" in a petition "To: President Xi"
    if hit.kind == "modal_passive" and subj_l in {"he", "she"}:
        # "he should be released at once": a person is acted on, by whoever holds him;
        # in a letter, the one it is written to
        you = doc.layout.letter_of.get(idx)
        if you and you != "public":
            return Resolved(you, -0.15, doubt="you")
    if subj_l in PRONOUNS or subj_l in {"it all"}:
        plural = subj_l in {"they", "these", "those"}
        clause = doc.sentences[idx].text.rfind(subj, 0, hit.vp_start)
        if clause > 0 and subj_l in {"it", "they"}:
            # "Trade officials are not used to it; they should learn.": the subject of
            # the clause before, whatever its name
            first = leading_subject(doc.sentences[idx].text[:clause])
            general = None
            if first and first.lower() not in PRONOUNS and not VICTIM_RE.search(first):
                general = classify_np(first) or agent_class(first)
            if general and general != "public":
                return Resolved(doc.home(general), -0.12, doubt="pronoun")
        actor, victims_nearer = recent_actor(
            doc, idx, plural=plural, before=clause if clause > 0 else None
        )
        if victims_nearer:
            if hit.kind == "modal_passive":
                return Resolved(_agent_of(doc, idx, hit), -0.3, doubt="inferred")
            return None
        if actor:
            return Resolved(actor, -0.12, doubt="pronoun")
        return None  # a pronoun with no actor to refer to: descriptive
    owner = _POSSESSED_BODY_RE.match(subj)
    if owner and not find_actors(subj) and AGENT_NOUN_RE.search(subj):
        # "Its foreign affairs committee would do well to ...": a body of whoever "its"
        # refers to, the actor the sentences before were about
        actor, _ = recent_actor(doc, idx, plural=owner.group(1).lower() == "their")
        if actor and actor != "public":
            return Resolved(actor, -0.12, doubt="pronoun")
    named = classify_np(subj) or ("home" if BARE_OFFICE_RE.match(subj.strip()) else None)
    head = head_phrase(subj)
    mentions = find_actors(subj)
    free = re.match(r"(?:whoever|whichever)\b", subj, re.IGNORECASE)  # who holds an office
    if (
        head != subj
        and mentions
        and mentions[0][0] >= len(head)
        and not VICTIM_RE.search(subj)
        and not free
    ):
        # "Any company buying fish processed in China", "the resolution on North
        # Korea": the head is who acts, or a thing; its modifiers name neither
        named = agent_class(head)
    bare = None
    if named == "home" and BARE_OFFICE_RE.match(subj.strip()):
        # "the authorities", "the Government": which country's, the text around says
        named, bare = office_named_before(doc, idx, subj) or named, "context"
    if named == "public" and _YOU_RE.match(subj_l):
        # "I urge you to ...", with nobody greeted: the reader, perhaps
        return Resolved(named, 0.0, doubt="you")
    if hit.kind == "modal_be":
        # "Seoul should not be silent": only someone who acts can be asked to be so
        return Resolved(named, 0.0, doubt=bare) if named and named != "public" else None
    if named:
        if hit.kind == "modal_passive":
            told = _TOLD_RE.match(doc.sentences[idx].text, hit.vp_start)
            if told and named != "public":
                # "Beijing must be told plainly ...": Beijing is the one told; asked is
                # whoever is to tell it, the one a letter is written to or the text urges
                teller = _teller(doc, idx, named)
                if teller:
                    return Resolved(teller, -0.15, doubt="inferred")
            return Resolved(named, -0.15, doubt="passive")
        return Resolved(named, 0.0, doubt=bare)
    if VICTIM_RE.search(subj):
        you = doc.layout.letter_of.get(idx)
        if hit.kind == "modal_passive" and you and you != "public":
            # "Children born here should be registered", in a letter to a minister
            return Resolved(you, -0.15, doubt="you")
        if hit.kind == "modal_passive":
            return Resolved(_agent_of(doc, idx, hit), -0.25, doubt="inferred")
        if hit.negation and hit.kind == "modal":
            # "Trafficked women must not pay the price for ...": spare them, asked of
            # whoever makes them pay
            return Resolved(_agent_of(doc, idx, hit), -0.3, thing=True, doubt="inferred")
        return None  # "defectors must hide": the victims are not being asked
    if _DEMONSTRATIVE_RE.match(subj) and hit.kind in {"modal_passive", "necessity"}:
        # "It is time for those words to be matched by deeds": the words of whoever
        # the sentences before were about
        passive = re.match(r"be\s+(\w+)", doc.sentences[idx].text[hit.vp_start :])
        passive = passive and is_participle(passive.group(1))
        actor, _ = recent_actor(doc, idx)
        if actor and (hit.kind == "modal_passive" or passive):
            return Resolved(actor, -0.3, thing=True, doubt="inferred")
    product = _PRODUCT_RE.match(head)
    verb = re.match(r"[a-z]+", doc.sentences[idx].text[hit.vp_start :])
    if product and hit.kind == "modal" and verb and verb.group() in _CONTENT_VERBS:
        # "the recommendations must name the DPRK": what a text says is asked of those
        # who write it, the ones the sentences before are about
        actor, _ = recent_actor(doc, idx)
        if actor and actor != "public":
            return Resolved(actor, -0.3, thing=True, doubt="inferred")
    if hit.kind == "modal_passive" and re.match(
        r"(?:no\s+one|nobody|none\s+of\s+them|there)$", subj_l
    ):
        # "no one should be returned", "there must be no more returns"
        return Resolved(_agent_of(doc, idx, hit), -0.25, doubt="inferred")
    if LEGAL_SUBJECT_RE.match(subj) and hit.kind != "urge":
        return None  # "the parties must not return anyone": what a treaty binds them to
    # "the ambassador", after "the Chinese ambassador in London" or outside its embassy
    earlier = office_named_before(doc, idx, subj) or diplomat_of(doc, subj, idx)
    if earlier:
        # "the ministry", after "the Unification Ministry"
        return Resolved(earlier, -0.1, doubt="context")
    if COLLECTIVE_RE.search(subj) or agent_class(subj) == "international_community":
        # "aid agencies should ..."
        return Resolved("international_community", -0.1, doubt="unnamed")
    if AGENT_NOUN_RE.search(subj):
        return Resolved("other", 0.0, doubt="unnamed")  # "the shipping companies should refuse ..."
    general = agent_class(subj) if hit.kind != "modal_passive" else None
    if general:
        # "Importers should not wait", "The National Intelligence Service should ...":
        # the subject acts, whether or not its name is known (see the agents module)
        return Resolved(general, 0.0, doubt="unnamed" if general == "home" else None)
    if hit.kind == "urge":
        # "we urge Velora to ...": someone urged can act
        return Resolved("other", -0.1, doubt="unnamed")
    # a thing or a practice: "the repatriations must stop"
    verb = re.match(r"[A-Za-z]+", doc.sentences[idx].text[hit.vp_start :])
    if hit.kind != "modal_passive" and (
        verb is None or verb.group().lower() not in _PRACTICE_VERBS
    ):
        return None  # "the figure should alarm everyone": evaluative, nobody is asked
    return Resolved(_agent_of(doc, idx, hit), -0.3, thing=True, doubt="inferred")


_POSSESSED_BODY_RE = re.compile(r"(its|their)\s+", re.IGNORECASE)
_DEMONSTRATIVE_RE = re.compile(
    r"^(?:those|these|that|this)\s+(?:words|promises?|pledges?|commitments?|statements?"
    r"|resolutions?|assurances?|recommendations?|calls?)$",
    re.IGNORECASE,
)


# What people say or write: asked to say something, it is its authors who are asked.
_PRODUCT_RE = re.compile(
    r"^(?:the|their|its|these|those|any|every|all|such)\s+(?:[\w-]+\s+)?(?:recommendations?"
    r"|statements?|resolutions?|reports?|responses?|repl(?:y|ies)|answers?|remarks|speech(?:es)?"
    r"|declarations?|communiqu[ée]s?|conclusions|agenda|letters?)$",
    re.IGNORECASE,
)
_CONTENT_VERBS = word_set(
    """
    name mention include say state address refer reflect cover raise spell make recognise
    recognize acknowledge contain list identify specify condemn express call
    """
)


def _invited(doc: Doc, idx: int, subject: str) -> Resolved | None:
    """ "Readers who want to help can write to ...": an invitation to the public; "you
    can" only in a letter or petition, for whom it is written to."""
    subject_l = subject.lower()
    if subject_l == "you":
        # "You can also write in your own language": to the reader it is leave to do
        # so; to the official a letter greets, "you can end this" asks it
        you = doc.layout.letter_of.get(idx) or doc.layout.address_of.get(idx)
        you = you or doc.layout.addressed_to
        return Resolved(you, 0.0, doubt="you") if you and you != "public" else None
    if _people_head(subject) or re.match(r"(?:anyone|everyone|all\s+of\s+us)\b", subject_l):
        return Resolved("public", 0.0)
    return None  # "Beijing can send them back": a power, not an invitation


# Passives whose subject is the one spoken to or pressed, not the one who acts
_TOLD_RE = re.compile(
    r"(?:be|been)\s+(?:\w+ly\s+)?(?:told|reminded|pressed|urged|asked|warned|made\s+to|held\s+to"
    r"|held\s+(?:accountable|responsible)|persuaded|pushed|shown|confronted|challenged"
    r"|called\s+(?:on|upon|out))\b",
    re.IGNORECASE,
)


def _teller(doc: Doc, idx: int, told: str) -> str | None:
    """Who is to tell, press or remind ``told``: the one the letter or petition is to,
    else the one the text urges most, other than ``told`` itself."""
    layout = doc.layout
    you = layout.letter_of.get(idx) or layout.address_of.get(idx) or layout.addressed_to
    if you and you not in {"public", told}:
        return you
    if "targets" not in doc.__dict__.setdefault("_agents", {}):
        doc.__dict__["_agents"]["targets"] = targets(doc)
    for actor, _count in doc.__dict__["_agents"]["targets"].most_common():
        if actor not in {told, "public"}:
            return actor
    return None


def _recommended_to(doc: Doc, idx: int, hit: Hit, subject: str) -> Resolved | None:
    """ "X could ...": a recommendation only when X is a state or body that can act."""
    subject_l = subject.lower()
    you = doc.layout.address_of.get(idx) or doc.layout.letter_of.get(idx)
    you = you or doc.layout.addressed_to
    if subject_l == "you" and you and you != "public":
        # "You could do the same for all of them", to President Xi
        return Resolved(you, 0.0, doubt="you")
    if subject_l in {"it", "they"}:
        actor, _victims = recent_actor(doc, idx, plural=subject_l == "they")
        if actor is not None and actor != "public":
            return Resolved(actor, 0.0, doubt="pronoun")
    elif subject_l in PRONOUNS:
        return None  # "this could put them at risk": a consequence
    else:
        actor = classify_np(subject)
    if actor is None or actor == "public":
        return None
    return Resolved(actor, 0.0)


_YOU_RE = re.compile(r"^(?:you|your\s+[\w\s]{1,30})$")


def _agent_of(doc: Doc, idx: int, hit: Hit) -> str:
    """Who must act on a demand that names no agent ("The detainees must be released")."""
    return perpetrator(doc, doc.sentences[idx].text[hit.vp_start :]) or "other"


# What only a reader is asked to do: sign, share, take action ...
READER_ASK_RE = re.compile(
    r"(?:take\s+action|act\s+now|get\s+involved|sign|share|donate|spread|forward|join\s+us"
    r"|RT|retweet|repost|boost"
    r"|write\s+(?:to|an?\s+(?:appeal|letter))|tell\s+your|email|call\s+your)\b",
    re.IGNORECASE,
)
