"""Triggers: the modal patterns that make a sentence a demand.

* A subject and a deontic modal: "X should/must/ought to/needs to/has to ...",
  "X would do well to ..."; "cannot remain silent", "cannot continue to ignore"
  ask not to.
* "There must be no more returns", "There should be an end to the raids": an
  end asked of whoever does it (see the addressees module); not "there should
  be no doubt".
* "X could ..." with a named actor and an action it can choose: a weak
  recommendation ("Tokyo could offer to resettle them"), never approved unread.
* "Readers can ...", "Supporters can add their voice by ...": what the public
  can do, offered as an invitation to do it; only with a reader's action
  ("write", "sign", "donate", "help"), not "Readers can see ..."; "you can"
  with any act one chooses, when the text says who "you" is ("Seoul, you can
  say the word").
* Impersonal necessity: "It is urgent/imperative/time that/to ...",
  "It is time for X to ..." (a headline's "Time for X to ..."), "It is high
  time the expulsions ended" ("that" left out, whoever the subject), and whose
  task it is: "It falls to X to ...",
  "It is up to X to ..." (not "it is up to us", the speaker's own resolve).
* "The only way ... is to ...", "the most useful thing you can do is ...",
  "The answer is for Seoul to act".
* "The aim of American policy should be to ...": asked of the policy's owner;
  "Seoul must not be silent", "should be watching": how an actor is to be.
* A request put as a question, with a marker of request: "Would the Minister
  be willing to meet ...?", "Will the members of this Council commit to ...?";
  not "Could Britain change China's policy on its own?". Asking leave to ask
  is asking ("May we ask you to use your authority ...?"), and so is a
  question about one act to be done soon ("Could the office in Vientiane send
  someone this week?"), unless a doubt makes it rhetorical ("Can Beijing
  really stop it today?").
* More of a way of acting asked of an actor: "UNHCR needs to be louder",
  "Tokyo must be more generous."; not how a thing is ("should be easier to
  count").
* A negated modal put before its subject after "nor"/"neither": "Nor should
  the embassy stay silent", "Nor should Tokyo be allowed to look away".

Not triggers: past and retrospective modals ("had to", "should have acted"),
guesses ("must surely know", "must be difficult", "must be wondering"),
expectations ("should arrive on Monday", "should know by now"), remarks ("we have to
admit", "we should not pretend that ...", "it should not take a campaign to ..."),
emotions ("should be ashamed", "should not feel blamed": how someone is to feel is
no act they can be asked for), predictions ("will have to"), risks and
consequences ("could face", "could trigger").

Demands made with a verb ("We urge ...") are in :mod:`.demands`, imperatives
in :mod:`.imperatives`. Each trigger returns a :class:`Hit`: where the verb
phrase starts, its negation, the subject text (if any) and a base score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.actors import ACTOR_PATTERNS
from articles.extraction.sentences import word_set

WORD_RE = re.compile(r"[A-Za-z’'-]+")


_MODAL_RE = re.compile(
    r"\b(?P<modal>should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|has\s+got\s+to"
    r"|have\s+got\s+to|would\s+(?:also\s+|\w+ly\s+)?do\s+well\s+to"
    r"|would\s+(?:also\s+)?be\s+(?:wise|well\s+advised)\s+to"
    r"|had\s+better)\b"
    r"(?P<neg>\s+(?:not|never|no\s+longer))?"
    # "Seoul must, at the very least, protest": an aside between commas
    r"(?:\s*,(?=[^,]{1,40},)[^,]{1,40},)?\s+",
    re.IGNORECASE,
)


# "The United States could make the cases a standing item": a recommendation to a
# named actor. Only with an action it can choose ("make", "raise", "admit"), not
# with what may befall ("could face", "could be sent back") or a consequence
# ("could trigger", "could mean"); the addressee rule keeps it to named actors.
_COULD_RE = re.compile(r"\bcould\s+(?:(?:also|easily|still|at\s+least)\s+)?(?P<verb>[a-z]+)\b")


# "Readers can write ...": a reader's action offered as one to take
# "Supporters may also wish to write ...": the same invitation, put politely
_CAN_RE = re.compile(
    r"\b(?:can|may\s+(?:also\s+)?wish\s+to|might\s+(?:also\s+)?(?:wish|like)\s+to)\s+"
    r"(?:(?:also|still|easily|now|all)\s+)?(?P<verb>[a-z]+)\b"
)
_READERS_ACTIONS = word_set(
    """
    write sign add contact call phone email e-mail join donate give help share attend support
    volunteer pray ask tell raise speak send visit follow learn get take come bring host
    organise organize spread print forward start begin
    """
)


# "you" as a clause's subject, not in "a script you can use"
_YOU_CAN_RE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|so|now)\s+)you\s+$", re.IGNORECASE)
# what "you can" tells rather than asks: "you can see", "you can read more"
_NOT_INVITED = word_set(
    "be have see imagine feel find read learn get expect trust hear watch guess tell count"
)


_NOT_RECOMMENDABLE = word_set(
    """
    be have not face lose see get become trigger touch mean cost take begin find happen fall
    send return deport detain arrest punish collapse die suffer end well hardly never only
    afford feel know say think imagine argue claim count prove turn go come cause lead
    """
)


_NEG_ABILITY_RE = re.compile(
    r"\b(?P<modal>cannot|can\s+not|can[’']t|can\s+no\s+longer|must\s+not|mustn[’']t"
    r"|should\s+not|shouldn[’']t)\s+(?:(?:simply|just|any\s+longer|afford\s+to)\s+)*"
    r"(?=(?:remain|stay|keep|stand|sit|look|turn|ignore|tolerate|allow|accept|let|watch"
    r"|close|overlook|condone|wait|delay|hesitate|idle|continue\s+to)\b"
    # "Seoul cannot afford to be silent", "cannot be a bystander": not being so is asked
    r"|be\s+(?:silent|quiet|passive|neutral|indifferent|complacent|absent|a\s+bystander"
    r"|bystanders|a\s+spectator|spectators)\b)",
    re.IGNORECASE,
)


# What "there must be" asks for when it asks someone to stop
_AN_END_RE = re.compile(
    r"(?:no\s+more|no\s+further|an?\s+(?:immediate\s+|permanent\s+)?(?:end|halt|stop)\s+to"
    r"|an?\s+(?:immediate\s+)?moratorium\s+on)\b",
    re.IGNORECASE,
)


# What is rejected when someone "cannot accept" words rather than a practice
_REJECTED_WORDS_RE = re.compile(
    r"(?:accept|tolerate)\s+(?:this|that|the|such|these|those|their|its|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:explanations?|arguments?|claims?|excuses?|justifications?|answers?|reasoning|logic"
    r"|positions?|views?|responses?|repl(?:y|ies)|assurances?|accounts?|version|framing)\b",
    re.IGNORECASE,
)


_NOT_BEFORE_MODAL_RE = re.compile(
    r"\b(?:will|would|may|might|could|shall|no|the|a|an|any|urgent|pressing|little|without)\s*$",
    re.IGNORECASE,
)


_NECESSITY_RE = re.compile(
    r"(?:\b(?:it|this)\s*(?:\s+is|[’']s|\s+remains|\s+becomes|\s+has\s+become|\s+would\s+be)\s+"
    r"|\b(?:now|this)\s+is\s+(?=the\s+(?:time|moment)\b)|\bthe\s+(?=time\s+has\s+come\b)"
    # a headline drops "it is": "Time for Seoul to speak up"
    r"|^(?=(?:high\s+)?time\s+for\s))"
    r"(?:(?:all|more|most|very|now|therefore|thus|also|equally|absolutely|extremely|so"
    r"|especially|particularly|increasingly|ever)\s+)*"
    r"(?P<adj>urgent|imperative|crucial|essential|vital|necessary|important|critical"
    r"|paramount|high\s+time|time|incumbent|our\s+(?:duty|responsibility)|wise|advisable"
    r"|prudent|the\s+(?:time|moment)|time\s+has\s+come)"
    r"(?:\s+(?:for|on|upon)\s+(?P<agent>[^,;:]{1,80}?))?\s+(?P<neg0>not\s+)?"
    # "It is high time the world paid attention": "that" may be left out after "time"
    r"(?P<link>to\s+|that\s+|(?<=[Hh]igh time )(?=(?:the|our|this)\b|[A-Z])|(?<=[Aa]bout time )"
    r"(?=(?:the|our|this)\b|[A-Z])"
    # "It is time lawmakers did so again": a bare subject, then a verb in the past
    r"|(?<=[Ii]t is time )(?=(?!(?:for|to|that|when|we|you)\b)[a-z]+\s)"
    r"|(?<=[Ii]t[’']s time )(?=(?!(?:for|to|that|when|we|you)\b)[a-z]+\s))(?P<neg>not\s+)?",
    re.IGNORECASE,
)


_ONLY_WAY_RE = re.compile(
    r"\b(?:the|our)\s+(?:only|best|right|sole|surest|one|first|most\s+effective)\s+"
    r"(?:way|option|answer|solution|course\s+of\s+action|remedy|step|thing\s+to\s+do)\b"
    # "The answer is for Seoul to act": an answer or remedy is the one to take
    r"|\b(?:the|our)\s+(?:answer|solution|remedy)\b(?=\s+(?:is|remains)\s+(?:for|to)\b)",
    re.IGNORECASE,
)


_ONLY_WAY_VP_RE = re.compile(
    r"\b(?:is|remains|would\s+be)\s+(?:for\s+(?P<agent>[^,;:]{1,60}?)\s+)?to\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)


_META_VERBS = word_set(
    """
    note point mention stress emphasize emphasise say recall add remember recognize
    recognise acknowledge realize realise understand know ask examine consider see
    bear
    """
)


_IRREGULAR_PARTICIPLES = word_set(
    """
    held made given brought sent kept put told set shown seen done known taken let met
    paid built led heard freed granted spared forced driven drawn thrown struck won born
    brought caught fought sought taught thought bound found ground said spoken written
    gone come become begun stood understood spent left lost meant dealt felt run stuck
    hung grown flown chosen broken forgotten gotten hidden risen eaten fallen beaten cut
    shut spread sold bought
    """
)


_NON_VERBS = word_set(
    """
    the a an this that these those be been have has not no it its their our his her they
    we he she you i of in on to for and or but
    """
)


DETERMINERS = word_set(
    "the a an this that these those such all every each its their our any no some many most"
)


_ADJECTIVAL_PARTICIPLES = word_set(
    """
    worried concerned pleased surprised disappointed tired interested determined convinced
    frightened scared ashamed embarrassed relieved satisfied amazed annoyed bored confused
    delighted excited alarmed troubled puzzled tempted inclined obliged
    """
)


# "must be ready/firm/...": adjectives that describe how an actor should act.
_AGENTIVE_ADJECTIVES = word_set(
    """
    ready prepared willing firm firmer bold bolder clear clearer vigilant careful consistent
    proactive transparent honest generous resolute forthright unequivocal more
    """
)


_EPISTEMIC_RE = re.compile(
    r"(?:surely|certainly|probably|undoubtedly|obviously|doubtless|presumably"
    r"|already)\b|have\s+(?:(?:its|their|his|her|its\s+own|their\s+own)\s+)?"
    r"(?:reasons?|motives?|calculations?|doubts?)\b",
    re.IGNORECASE,
)


# "should arrive on Monday", "should be back next week", "should know by now": what
# is expected to happen, not what anyone is asked to do
_EXPECTED_RE = re.compile(
    r"(?:(?:arrive|reach|land|hear|be\s+(?:back|there|here|ready|available|out"
    r"|published|released|completed|finished|over))\b[^.;:]{0,50}?\b(?:on\s+(?:Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)|next\s+(?:week|month|year)|tomorrow|soon"
    r"|shortly|later\s+(?:today|this\s+\w+)|within\s+(?:days|hours|the\s+week))\b"
    r"|(?:know|realise|realize|understand|see|be\s+aware|have\s+heard)\b[^.;:]{0,40}?\bby\s+now\b)",
    re.IGNORECASE,
)


_COGNITION_VERBS = word_set(
    """
    wonder admit acknowledge concede confess note say imagine agree assume suspect ask pretend
    recognize recognise remember realize realise understand conclude add
    """
)


_GENERIC_PERSON_RE = re.compile(r"\b(?:we|you|one|i)\s*$", re.IGNORECASE)


_DROP_ADVERBS = frozenset({"also", "therefore", "thus", "then", "still", "too", "now", "really"})


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    vp_start: int  # index in the sentence where the verb phrase begins
    negation: str  # "", "not", "never", "no longer"
    subject: str | None  # noun phrase naming who acts, if any
    explicit: str | None = None  # addressee fixed by the rule itself
    base: float = 0.85
    past: bool = False  # the verb phrase opens with a past-tense verb
    speaker: str | None = None  # who makes the demand, as written ("we", "The experts")


# Work limits per sentence: a sentence with dozens of modals is not prose, and
# looking at the first few keeps the work linear on pathological input.
MAX_HITS = 8


MAX_MATCHES = 24


WINDOW = 600  # characters before a trigger that the subject checks look at


def _verb_after(sentence: str, pos: int) -> tuple[int, str, str] | None:
    """Skip adverbs after a modal; return (start, first word, next word)."""
    words = list(WORD_RE.finditer(sentence, pos, pos + 200))
    i = 0
    while i < len(words) and (
        words[i].group().lower() in _DROP_ADVERBS
        or (words[i].group().lower().endswith("ly") and words[i].group().lower() != "apply")
    ):
        i += 1
    if i >= len(words):
        return None
    first = words[i].group()
    nxt = words[i + 1].group() if i + 1 < len(words) else ""
    return words[i].start(), first, nxt


def is_participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w.endswith("en") or w in _IRREGULAR_PARTICIPLES


# "Nor should Beijing be allowed to ...": the negated modal before its subject
_NOR_MODAL_RE = re.compile(
    r"^(?:(?:and|but)\s+)?(?:nor|neither)\s+(?:should|must|ought)\s+", re.IGNORECASE
)
_NAME_RUN_RE = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4}")


def _nor_hits(sentence: str) -> list[Hit]:
    m = _NOR_MODAL_RE.match(sentence)
    if not m:
        return []
    rest = sentence[m.end() :]
    np_end = actor_np_end(rest)
    if np_end is None:
        name = _NAME_RUN_RE.match(rest)
        np_end = name.end() if name else None
    verb = _verb_after(sentence, m.end() + np_end) if np_end else None
    if verb is None or verb[1].lower() in _NON_VERBS - {"be"} or not verb[1][0].islower():
        return []
    passive = verb[1].lower() == "be" and is_participle(verb[2])
    if verb[1].lower() == "be" and not passive:
        return []
    np = rest[:np_end]
    return [Hit("modal_passive" if passive else "modal", verb[0], "not", np, base=0.9)]


# "UNHCR needs to be louder", "Seoul must be more vocal": more of a way of acting,
# not "should be easier to count" (how a thing is) nor "must be older than" (a fact)
_MORE_OF_CONDUCT_RE = re.compile(
    r"be\s+(?:(?:much|far|a\s+lot|a\s+great\s+deal)\s+)?(?:more\s+[a-z]{4,}|[a-z]{3,}er)"
    r"(?!\s+(?:to|for|than|that)\b)(?:\s+(?:and|or)\s+[a-z]+)?\s*[.,;!]"
)


def modal_hits(sentence: str) -> list[Hit]:
    hits = _nor_hits(sentence)
    for n, m in enumerate(_MODAL_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        prefix = sentence[: m.start()]
        if _NOT_BEFORE_MODAL_RE.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        modal = m.group("modal").lower()
        neg = (m.group("neg") or "").strip().lower()
        neg = re.sub(r"\s+", " ", neg)
        verb = _verb_after(sentence, m.end())
        if verb is None:
            continue
        vp_start, first, nxt = verb
        first_l = first.lower()
        if first_l == "be" and nxt.lower().endswith("ly"):
            # "must not be forcibly returned": the participle after the adverb
            after_adverb = _verb_after(sentence, vp_start + 2)
            nxt = after_adverb[1] if after_adverb else nxt
        if _EPISTEMIC_RE.match(sentence, m.end()):
            continue  # "must surely know", "must have its reasons": a guess, not a demand
        if _EXPECTED_RE.match(sentence, vp_start):
            continue  # "should arrive on Monday", "should know by now": an expectation
        if first_l in _COGNITION_VERBS and _GENERIC_PERSON_RE.search(prefix[-12:]):
            continue  # "we have to admit", "you have to wonder": a remark, not a demand
        if first_l == "take" and re.search(r"\bit\s*$", prefix, re.IGNORECASE):
            continue  # "It should not take a campaign to make them speak": what it takes
        if first_l in {"feel", "seem", "appear"}:
            continue  # "Neighbours should not feel accused": a state of mind, not an act
        if not first[0].islower() or first_l in _NON_VERBS - {"be", "have"}:
            continue
        if modal in {"must", "should", "ought to"} and first_l == "have" and is_participle(nxt):
            continue  # "should have acted": retrospective
        if first_l == "have" and nxt.lower() in {"been", "had"}:
            continue
        passive = False
        if first_l == "be" and re.search(r"\bthere\s*$", prefix, re.IGNORECASE):
            # "There must be no more returns", "There should be an end to the raids": an
            # end asked of whoever does it; not "there should be no doubt"
            if _AN_END_RE.match(sentence, vp_start + 3):
                hits.append(Hit("modal_passive", vp_start, neg, "there", base=0.85))
            continue
        if first_l == "be" and nxt.lower() == "to":
            # "The aim of American policy should be to raise that cost": what the
            # policy's owner is to do
            after = _verb_after(sentence, sentence.index(" to ", vp_start) + 4)
            if after is None or after[1].lower() in _NON_VERBS:
                continue
            hits.append(Hit("modal", after[0], neg, prefix, base=0.85))
            continue
        if first_l == "be" and nxt.lower() in _AGENTIVE_ADJECTIVES:
            pass  # "Seoul must be ready to receive them": asks for an attitude
        elif first_l == "be" and nxt.lower().endswith("ing") and len(nxt) > 5:
            if modal == "must":
                continue  # "Tokyo must be wondering what comes next": a deduction
            # "The world should be watching": what an actor is to be doing
        elif first_l == "be" and (
            nxt.lower() in {"a", "an", "the"}
            or (neg and not is_participle(nxt))
            or _MORE_OF_CONDUCT_RE.match(sentence, vp_start)
        ):
            # "Seoul should not be silent", "Japan must be the first to offer": how an
            # actor is to act; only a named actor or a pronoun for one (addressees)
            hits.append(Hit("modal_be", vp_start, neg, prefix, base=0.85))
            continue
        elif first_l == "be":
            if nxt.lower() in _META_VERBS or nxt.lower() in {
                "noted",
                "said",
                "stressed",
                "pointed",
                "remembered",
                "mentioned",
                "emphasized",
            }:
                continue  # "it should be noted that"
            if not is_participle(nxt) or nxt.lower() in _ADJECTIVAL_PARTICIPLES:
                continue  # "must be difficult", "should be ashamed": not a request
            passive = True
        hits.append(Hit("modal_passive" if passive else "modal", vp_start, neg, prefix, base=0.9))
    for n, m in enumerate(_NEG_ABILITY_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        if _REJECTED_WORDS_RE.match(sentence, m.end()):
            continue  # "We cannot accept this explanation": a reply to an argument
        prefix = sentence[: m.start()]
        hits.append(Hit("cannot", m.end(), "not", prefix, base=0.85))
    for n, m in enumerate(_COULD_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        verb = m.group("verb").lower()
        if verb in _NOT_RECOMMENDABLE or verb.endswith("ed"):
            continue
        hits.append(Hit("could", m.start("verb"), "", sentence[: m.start()], base=0.6))
    for n, m in enumerate(_CAN_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        verb = m.group("verb")
        # "Seoul, you can say the word": said to someone, any act they can choose (the
        # addressees module keeps "you can" to texts that say who "you" is)
        you = _YOU_CAN_RE.search(sentence[: m.start()]) and verb not in _NOT_INVITED
        if verb in _READERS_ACTIONS or you:
            hits.append(Hit("can", m.start("verb"), "", sentence[: m.start()], base=0.65))
    return hits


_CONDITIONAL_BEFORE_RE = re.compile(
    r"\b(?:if|whether|when|unless|because|since)\s*$", re.IGNORECASE
)


# "It falls to Brussels to make the point", "It is up to the Council to act": whose
# task it is, said of someone named, is asked of them
_FALLS_TO_RE = re.compile(
    r"\b(?:it|this)\s+(?:now\s+)?(?:falls|is\s+(?:now\s+)?up|rests\s+with\s+\S+)\s+to\s+"
    r"(?P<agent>(?!us\b|me\b)[^,;:]{2,60}?)\s+to\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)


def necessity_hits(sentence: str) -> list[Hit]:
    hits = []
    for m in _FALLS_TO_RE.finditer(sentence):
        verb = _verb_after(sentence, m.end())
        if verb is not None and verb[1].lower() not in _META_VERBS:
            neg = "not" if m.group("neg") else ""
            hits.append(Hit("necessity", verb[0], neg, m.group("agent"), base=0.85))
    for n, m in enumerate(_NECESSITY_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        if _CONDITIONAL_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()):
            continue
        neg = "not" if m.group("neg") or m.group("neg0") else ""
        agent = m.group("agent")
        if m.group("link").strip().lower() == "to":
            verb = _verb_after(sentence, m.end())
            if verb is None or verb[1].lower() in _META_VERBS:
                continue
            hits.append(Hit("necessity", verb[0], neg, agent, base=0.85 if agent else 0.75))
        else:
            rest = sentence[m.end() :]
            np_end = actor_np_end(rest)
            bare = not m.group("link").strip()
            if np_end is None:
                # "It is high time the returns stopped": "that" left out, the rest as after it
                if not bare or re.match(r"(?:high|about)\s", m.group("adj"), re.IGNORECASE):
                    hits.append(Hit("necessity_that", m.end(), neg, None, base=0.7))
                continue
            if bare:
                # "lawmakers of both parties did ...": the subject runs to the verb
                more = re.match(
                    r"\s+(?:of|from|in)\s+(?:[\w’'-]+\s+){1,3}?(?=\w+ed\b|did\b|were\b)",
                    rest[np_end:],
                )
                np_end += more.end() if more else 0
            np = rest[:np_end]
            after = re.match(
                r"\s+(?:(?:should|must|shall|will)\s+)?(?P<neg>not\s+|never\s+)?", rest[np_end:]
            )
            vp_start = m.end() + np_end + (after.end() if after else 0)
            neg2 = (after.group("neg") or "").strip() if after else ""
            # "it is time that Beijing abandoned ...": the verb is in the past form
            past = "time" in m.group("adj").lower()
            hits.append(Hit("necessity", vp_start, neg2 or neg, np, base=0.88, past=past))
    return hits


def actor_np_end(rest: str) -> int | None:
    """End of an actor noun phrase at the start of ``rest`` ("our government come...")."""
    rest_l = rest.lower()
    for pron in ("we", "they", "it", "everyone", "all of us", "you"):
        if rest_l.startswith(pron + " "):
            return len(pron)
    best = None
    det = re.match(r"(?:the\s+)?", rest, re.IGNORECASE)
    starts = {0, det.end() if det else 0}
    for _addressee, pattern in ACTOR_PATTERNS:
        for pos in starts:
            m = pattern.match(rest, pos)
            if m and (best is None or m.end() > best):
                best = m.end()
    if best is not None:
        # extend over a short trailing head noun: "the Chinese government and the UN"
        return best
    return None


# "The most useful thing you can do is make sure ...": what the one who "can do" it is
# asked to do; the verb may follow "is" bare.
_BEST_THING_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:single\s+)?most\s+(?:useful|important|effective|helpful|valuable)|best"
    r"|one|first|least)\s+thing\s+(?:that\s+)?(?P<agent>you|we|I|readers|anyone|everyone"
    r"|[A-Z][\w.’' ]{1,40}?)\s+(?:can|could|should|must)\s+(?:now\s+|still\s+)?do"
    r"(?:\s+(?:now|today|here|next))?\s+is\s+(?:simply\s+|just\s+)?(?:to\s+)?(?P<neg>not\s+)?"
    r"(?=[a-z]+\b)(?!(?:probably|perhaps|a|an|the|this|that|to|not|boring|simple|easy)\b)",
)


# Requests put as questions: "Would the Minister be willing to meet them?", "Will the
# members of this Council commit to a resolution?" The marker of a request is needed:
# "Could Britain change China's policy on its own?" asks nothing of Britain.
_REQUEST_QUESTION_RE = re.compile(
    r"^(?:(?:so|and|but|then|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?)[,\s]+)?"
    r"(?:will|would|could|can)\s+(?P<np>[^,;?]{2,80}?)\s+(?:please\s+)?"
    r"(?:be\s+(?:willing|prepared|ready)\s+to\s+"
    r"|(?=(?:agree|undertake|commit|pledge|consider|confirm|give\s+an?\s+(?:assurance"
    r"|undertaking|commitment)|make\s+time)\b))",
    re.IGNORECASE,
)


# Asking leave to ask is asking: "May we ask you to use your authority ...?"
_ASK_LEAVE_RE = re.compile(
    r"^(?:(?:so|and|but|then|finally)[,\s]+)?(?:may|might|could|can)\s+(?:we|I)\s+(?:also\s+)?"
    r"(?:ask|urge|request|invite|encourage)\s+(?P<np>[^,;?]{2,80}?)\s+to\s+(?=[a-z])",
    re.IGNORECASE,
)
# A question about one act to be done soon asks for it: "Could the UNHCR office send
# someone this week?"; "Could Britain change China's policy on its own?" asks nothing
_SOON_QUESTION_RE = re.compile(
    r"^(?:(?:so|and|but|then|finally)[,\s]+)?(?:will|would|could|can)\s+"
    # a doubt marks a rhetorical question: "Can China really stop it today?"
    r"(?![^?]*\b(?:really|possibly|seriously|ever|honestly)\b)"
    r"(?P<np>(?!(?:it|this|that|there|they|anyone|anybody)\b)[^,;?]{2,80}?)\s+(?:please\s+)?"
    r"(?=(?-i:[a-z]+)\b[^?]*\b(?:this\s+(?:week|month)|today|tomorrow|immediately|at\s+once"
    r"|without\s+delay)\b[^?]*\?)",
    re.IGNORECASE,
)


def request_question_hits(sentence: str) -> list[Hit]:
    body = sentence.lstrip("\"“‘'(")
    offset = len(sentence) - len(body)
    leave = _ASK_LEAVE_RE.match(body)
    if leave:
        return [Hit("modal", offset + leave.end(), "", leave.group("np"), base=0.75)]
    m = _REQUEST_QUESTION_RE.match(body) or _SOON_QUESTION_RE.match(body)
    if not m or m.group("np").lower() == "you":
        return []  # "Can you confirm?": a reporter's question, unless "you" is someone
    return [Hit("modal", offset + m.end(), "", m.group("np"), base=0.75)]


def only_way_hits(sentence: str) -> list[Hit]:
    best = _BEST_THING_RE.search(sentence)
    if best:
        neg = "not" if best.group("neg") else ""
        return [Hit("only_way", best.end(), neg, best.group("agent"), base=0.8)]
    m = _ONLY_WAY_RE.search(sentence)
    if not m:
        return []
    vp = _ONLY_WAY_VP_RE.search(sentence, m.end())
    if not vp:
        return []
    neg = "not" if vp.group("neg") else ""
    return [Hit("only_way", vp.end(), neg, vp.group("agent"), base=0.8)]
